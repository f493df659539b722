package org.msp.notification.api;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.msp.notification.service.SecretBox;

/**
 * Keeps OIDC from rejecting a subscription secret sent as a bearer token: such a request is routed
 * to the disabled {@code subscription-secret} tenant, so it stays anonymous and
 * {@link SubscriptionResource} checks the secret itself. Every other request uses the default
 * (Keycloak) tenant, so a secretariat JWT still works on the same endpoints.
 */
@ApplicationScoped
public class SubscriptionSecretTenant implements TenantResolver {
    static final String TENANT = "subscription-secret";

    @Override
    public String resolve(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && authorization.substring(7).trim().startsWith(SecretBox.PREFIX)) {
            return TENANT;
        }
        return null;
    }
}
