package org.msp.infra.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real access tokens from Keycloak: the password grant on the public client msp-cli, for the demo
 * users of the realm (password = user name + "-pw"). Kept per user until shortly before they expire,
 * so a long run keeps working.
 */
public final class Tokens {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private record Token(String value, long expiresAtMillis) {
    }

    private final String realmUrl;
    private final Map<String, Token> byUser = new ConcurrentHashMap<>();

    public Tokens(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    public String of(String user) {
        return byUser.compute(user, (name, token) -> token != null
                && token.expiresAtMillis() - RENEW_BEFORE_EXPIRY.toMillis() > System.currentTimeMillis()
                ? token : passwordGrant(name)).value();
    }

    /** The token's subject: what the services record as the actor. */
    public String subjectOf(String user) {
        String payload = new String(Base64.getUrlDecoder().decode(of(user).split("\\.")[1]), StandardCharsets.UTF_8);
        return field(payload, "sub");
    }

    private Token passwordGrant(String user) {
        String form = "client_id=msp-cli&grant_type=password&username=" + encode(user) + "&password=" + encode(user + "-pw");
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
            }
            long expiresIn = Long.parseLong(field(response.body(), "expires_in"));
            return new Token(field(response.body(), "access_token"), System.currentTimeMillis() + expiresIn * 1000);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + realmUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A top-level string or number member of a flat JSON object (token responses and JWT payloads). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(?:\"([^\"]*)\"|(\\d+))").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
