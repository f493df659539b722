package org.msp.notification.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.msp.notification.delivery.WebhookSignature;
import org.msp.notification.domain.Channel;
import org.msp.notification.domain.Subscription;
import org.msp.notification.domain.SubscriptionFilter;
import org.msp.notification.service.SecretBox;
import org.msp.notification.service.SubscriptionService;
import org.msp.platform.security.Caller;

import java.util.List;
import java.util.UUID;

/**
 * Subscriptions: anyone may create one (rate-limited per client address) and gets a one-time secret;
 * the secret (or a managing role) reads the delivery log and deletes the subscription. An e-mail
 * subscription becomes active only when the link mailed to its address is followed.
 */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {
    /** Alternative to the bearer form, for clients that cannot set Authorization. */
    public static final String SECRET_HEADER = "X-MSP-Subscription-Secret";

    private final SubscriptionService subscriptions;
    private final Caller caller;

    public SubscriptionResource(SubscriptionService subscriptions, Caller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public Response create(@NotNull @Valid SubscriptionRequest request, @Context HttpServerRequest http,
            @Context UriInfo uri) {
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        long waitSeconds = subscriptions.admit(client);
        if (waitSeconds > 0) {
            throw new WebApplicationException("too many new subscriptions from " + client + "; try again in "
                    + waitSeconds + " s", Response.status(429).header("Retry-After", waitSeconds).build());
        }
        FilterView filter = request.filter();
        SubscriptionFilter parsed = filter == null ? SubscriptionFilter.EVERYTHING
                : FilterRules.parse("filter.", filter.projectIds(), filter.countries(), filter.minerals(),
                        filter.eventTypes());
        SubscriptionService.Created created = subscriptions.create(request.channel(), request.target().trim(),
                parsed, caller.isAnonymous() ? "anonymous@" + client : caller.subject());
        Subscription subscription = created.subscription();
        String note = subscription.isPendingConfirmation()
                ? "Store this secret now: it is shown only once. It authorises reading deliveries and deleting the "
                        + "subscription. A confirmation link is being mailed to " + subscription.target
                        + "; nothing else is sent there until it is followed."
                : "Store this secret now: it is shown only once. It signs every webhook "
                        + "(X-MSP-Signature; webhookSecret is the same key in the Standard Webhooks whsec_ form, for "
                        + "webhook-signature) and authorises reading deliveries and deleting the subscription.";
        String webhookSecret = subscription.channel == Channel.WEBHOOK
                ? WebhookSignature.standardWebhooksSecret(created.secret()) : null;
        return Response.created(uri.getAbsolutePathBuilder().path(subscription.id.toString()).build())
                .entity(new SubscriptionCreated(subscription.id, subscription.channel.name(), subscription.target,
                        FilterView.of(subscription.filter()), subscription.status().name(), subscription.createdAt,
                        created.secret(), webhookSecret, note))
                .build();
    }

    /** The link in the confirmation mail (GET, so a mail client can open it; POST does the same). */
    @GET
    @Path("/{id}/confirm")
    @PermitAll
    public SubscriptionConfirmed confirmByLink(@PathParam("id") UUID id, @QueryParam("token") String token) {
        return confirm(id, token);
    }

    @POST
    @Path("/{id}/confirm")
    @PermitAll
    public SubscriptionConfirmed confirm(@PathParam("id") UUID id, @QueryParam("token") String token) {
        Subscription subscription = subscriptions.confirm(id, token);
        return new SubscriptionConfirmed(subscription.id, subscription.channel.name(), subscription.target,
                subscription.status().name(), subscription.confirmedAt,
                "Confirmed: matching pipeline events are mailed to " + subscription.target + " from now on.");
    }

    @GET
    @Path("/{id}/deliveries")
    @PermitAll
    public DeliveryPage deliveries(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(SECRET_HEADER) String secretHeader,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        subscriptions.authorise(id, presentedSecret(authorization, secretHeader), managing());
        List<DeliveryView> items = subscriptions.deliveries(id, page, size).stream().map(DeliveryView::of).toList();
        return new DeliveryPage(items, page, size, subscriptions.countDeliveries(id));
    }

    @DELETE
    @Path("/{id}")
    @PermitAll
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(SECRET_HEADER) String secretHeader) {
        subscriptions.authorise(id, presentedSecret(authorization, secretHeader), managing());
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    private boolean managing() {
        return caller.hasRole(Caller.SECRETARIAT);
    }

    /** The secret from X-MSP-Subscription-Secret, or from a bearer token that is a subscription secret. */
    static String presentedSecret(String authorization, String secretHeader) {
        if (secretHeader != null && !secretHeader.isBlank()) {
            return secretHeader.trim();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (token.startsWith(SecretBox.PREFIX)) {
                return token;
            }
        }
        return null;
    }
}
