package org.msp.portal.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Locale;

/**
 * The visitor's language: the one picked with the switch (a cookie), else the best of Accept-Language
 * among those the portal speaks, else English.
 */
@RequestScoped
@Named("language")
public class Language {
    public static final List<String> SPOKEN = List.of("en", "fr", "pt", "es");
    public static final String COOKIE = "msp-lang";

    @Inject
    RoutingContext request;

    private Locale locale;

    public Locale locale() {
        if (locale == null) {
            locale = Locale.forLanguageTag(chosen());
        }
        return locale;
    }

    /** The language's code, for {@code <html lang>} and the switch. */
    public String code() {
        return locale().getLanguage();
    }

    public List<String> spoken() {
        return SPOKEN;
    }

    /** Where the visitor is (path and query), for links that bring it back here: the language switch, sign-in. */
    public String returnPath() {
        String uri = request.request().uri();
        return java.net.URLEncoder.encode(uri, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String chosen() {
        Cookie picked = request.request().getCookie(COOKIE);
        if (picked != null && SPOKEN.contains(picked.getValue())) {
            return picked.getValue();
        }
        return request.parsedHeaders().acceptLanguage().stream()
                .map(range -> range.value().toLowerCase(Locale.ROOT).split("[-_]")[0])
                .filter(SPOKEN::contains).findFirst().orElse("en");
    }
}
