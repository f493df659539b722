package org.msp.notification.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.msp.notification.delivery.DeliveryScheduler;
import org.msp.notification.domain.Channel;
import org.msp.notification.domain.Delivery;
import org.msp.notification.domain.DeliveryStatus;
import org.msp.notification.domain.EmailAddress;
import org.msp.notification.domain.Subscription;
import org.msp.notification.domain.SubscriptionFilter;
import org.msp.platform.api.ProblemException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Creating, confirming, authorising and deleting subscriptions, and reading their delivery logs. */
@ApplicationScoped
public class SubscriptionService {
    private final SecretBox secrets;
    private final WebhookTargetPolicy targets;
    private final DeliveryScheduler deliveries;
    private final RateLimiter rateLimiter;

    public SubscriptionService(SecretBox secrets, WebhookTargetPolicy targets, DeliveryScheduler deliveries,
            @ConfigProperty(name = "msp.subscriptions.rate-limit-per-minute") int perMinute) {
        this.secrets = secrets;
        this.targets = targets;
        this.deliveries = deliveries;
        this.rateLimiter = new RateLimiter(perMinute, System::nanoTime);
    }

    /** A new subscription and its secret, which the caller must show once and forget. */
    public record Created(Subscription subscription, String secret) {
    }

    /** 0 when {@code client} may create a subscription now, else the seconds to wait. */
    public long admit(String client) {
        return rateLimiter.tryAcquire(client);
    }

    /**
     * A webhook subscription is ACTIVE at once. An e-mail one starts PENDING_CONFIRMATION with its
     * confirmation mail queued as its first delivery, in the same transaction.
     */
    @Transactional
    public Created create(Channel channel, String target, SubscriptionFilter filter, String createdBy) {
        String secret = secrets.newSecret();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Subscription subscription = switch (channel) {
            case WEBHOOK -> {
                try {
                    targets.parse(target);
                } catch (WebhookTargetPolicy.RefusedTarget refused) {
                    throw ProblemException.badRequest("target", refused.getMessage());
                }
                yield new Subscription(UUID.randomUUID(), channel, target, filter, SecretBox.hash(secret),
                        secrets.encrypt(secret), createdBy, now);
            }
            case EMAIL -> {
                EmailAddress address;
                try {
                    address = EmailAddress.parse(target);
                } catch (EmailAddress.Refused refused) {
                    throw ProblemException.badRequest("target", refused.getMessage());
                }
                // nothing is signed for e-mail, so the secret itself is not kept, not even encrypted
                yield new Subscription(UUID.randomUUID(), channel, address.value(), filter, SecretBox.hash(secret),
                        null, createdBy, now);
            }
        };
        subscription.persist();
        if (subscription.isPendingConfirmation()) {
            subscription.flush();
            deliveries.scheduleConfirmation(subscription);
        }
        return new Created(subscription, secret);
    }

    /**
     * Follows an e-mail subscription's confirmation link. 404 for an unknown or deleted subscription,
     * 400 naming {@code token} when it is missing, wrong or expired; repeating it is harmless.
     */
    @Transactional
    public Subscription confirm(UUID id, String token) {
        if (token == null || token.isBlank()) {
            throw ProblemException.badRequest("token", "the token from the confirmation mail is required");
        }
        Subscription subscription = Subscription.findById(id);
        if (subscription == null || subscription.isDeleted() || subscription.channel != Channel.EMAIL) {
            throw ProblemException.notFound("e-mail subscription " + id);
        }
        Subscription.Confirmation outcome = subscription.confirm(SecretBox.hash(token.trim()),
                OffsetDateTime.now(ZoneOffset.UTC));
        if (outcome == Subscription.Confirmation.WRONG_TOKEN) {
            throw ProblemException.badRequest("token",
                    "does not match this subscription's confirmation link (only the link in the latest mail works)");
        }
        if (outcome == Subscription.Confirmation.EXPIRED) {
            throw ProblemException.badRequest("token", "the confirmation link expired at "
                    + subscription.confirmationExpiresAt + "; delete this subscription and subscribe again");
        }
        return subscription;
    }

    /**
     * The subscription, if the caller may manage it: holding its secret, or a managing role.
     * 401 without credentials, 404 for an unknown or deleted one, 403 for a wrong secret.
     */
    @Transactional
    public Subscription authorise(UUID id, String presentedSecret, boolean managingRole) {
        if (presentedSecret == null && !managingRole) {
            throw new ProblemException(401, "Unauthorized",
                    "send the subscription's secret as 'Authorization: Bearer <secret>' "
                            + "(or X-MSP-Subscription-Secret), or a token with a managing role");
        }
        Subscription subscription = Subscription.findById(id);
        if (subscription == null || subscription.isDeleted()) {
            throw ProblemException.notFound("subscription " + id);
        }
        if (!managingRole && !SecretBox.matches(presentedSecret, subscription.secretHash)) {
            throw ProblemException.forbidden("the secret does not belong to this subscription");
        }
        return subscription;
    }

    @Transactional
    public List<Delivery> deliveries(UUID subscriptionId, int page, int size) {
        return Delivery.<Delivery>find("subscriptionId", Sort.by("createdAt").descending().and("id"), subscriptionId)
                .page(Page.of(page, size)).list();
    }

    @Transactional
    public long countDeliveries(UUID subscriptionId) {
        return Delivery.count("subscriptionId", subscriptionId);
    }

    /** Stops deliveries at once; pending ones are cancelled, the log is kept. */
    @Transactional
    public void delete(UUID id) {
        Subscription subscription = Subscription.findById(id);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        subscription.delete(now);
        Delivery.<Delivery>list("subscriptionId = ?1 and status = ?2", id, DeliveryStatus.PENDING)
                .forEach(delivery -> delivery.cancel(now));
    }
}
