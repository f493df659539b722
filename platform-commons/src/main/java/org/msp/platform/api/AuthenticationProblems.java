package org.msp.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;

/**
 * A bearer token that fails validation (expired, wrong issuer or audience, bad signature) is refused
 * by the security layer before any resource runs, so the REST exception mappers never see it. This
 * failure handler gives that 401 the same problem+json body and Bearer challenge as every other one,
 * and answers 503 with Retry-After (not 500) when the token cannot be checked because Keycloak is down.
 */
@ApplicationScoped
public class AuthenticationProblems {
    private final ObjectMapper mapper;
    private final Duration retryAfter;

    public AuthenticationProblems(ObjectMapper mapper,
            @ConfigProperty(name = "msp.api.retry-after", defaultValue = "PT5S") Duration retryAfter) {
        this.mapper = mapper;
        this.retryAfter = retryAfter;
    }

    void install(@Observes Router router) {
        router.route().failureHandler(context -> {
            if (context.response().ended()) {
                context.next();
            } else if (context.failure() instanceof AuthenticationFailedException) {
                respond(context, new Problem("https://msp-pipeline.org/problems/401", "Unauthorized", 401,
                        "the bearer token is not valid for the msp realm (expired, wrongly signed, or for another"
                                + " issuer or audience)", context.request().path(), List.of()),
                        "WWW-Authenticate", "Bearer realm=\"msp\", error=\"invalid_token\"");
            } else if (identityProviderDown(context.failure())) {
                // Keycloak cannot be reached to check the token (no keys cached yet): not the caller's fault
                respond(context, new Problem("https://msp-pipeline.org/problems/503", "Service Unavailable", 503,
                        "the identity provider (Keycloak) is unavailable, so the bearer token cannot be checked;"
                                + " try again shortly", context.request().path(), List.of()),
                        "Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
            } else {
                context.next();
            }
        });
    }

    private static boolean identityProviderDown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }

    private void respond(RoutingContext context, Problem problem, String header, String value) {
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + ",\"title\":\"" + problem.title() + "\"}";
        }
        context.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(header, value)
                .end(body);
    }
}
