package org.msp.platform.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sets defensive headers on every response of the service, including those the security layer
 * answers itself (401) and the /q endpoints: the APIs serve JSON, Atom and event streams only, so
 * nothing may be sniffed, framed or given a referrer.
 */
@ApplicationScoped
public class SecurityHeaders {
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            var headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            context.next();
        });
    }
}
