package org.msp.portal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The APIs' defensive headers, plus a strict Content-Security-Policy for pages: scripts, styles and
 * connections only from the portal itself, no inline script or style, no framing, forms post only here.
 */
@ApplicationScoped
public class SecurityHeaders {
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    void install(@Observes Filters filters) {
        filters.register(context -> {
            var headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "same-origin");
            headers.set("Content-Security-Policy", POLICY);
            context.next();
        }, Integer.MAX_VALUE);
    }
}
