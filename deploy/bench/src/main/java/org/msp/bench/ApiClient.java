package org.msp.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.msp.bench.Bench.JSON;
import static org.msp.bench.Platform.PROJECTS;

/** The bench as a client of the platform's public APIs: real Keycloak tokens, create and submit a project. */
final class ApiClient {
    static final String PROJECT_BODY = "{\"title\":\"%s\",\"summary\":\"Cobalt and copper from legacy tailings\","
            + "\"hostCountry\":\"ZM\",\"minerals\":[\"COBALT\",\"COPPER\"],\"valueChainStage\":\"PROCESSING\","
            + "\"sponsor\":\"Copperbelt Metals\",\"requestedFinancingUsd\":45000000,\"disclosure\":"
            + "{\"feasibilityStudyPublic\":true,\"agreementPublic\":false,\"communityConsultationHeld\":true}}";
    static final AtomicLong SEQ = new AtomicLong();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final Platform platform;

    ApiClient(Platform platform) {
        this.platform = platform;
    }

    String createProject(String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(platform.api(PROJECTS) + "/projects"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PROJECT_BODY.formatted("Bench project " + SEQ.incrementAndGet())))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("create answered " + r.statusCode() + ": " + r.body());
        }
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no id in " + r.body());
        }
        return m.group(1);
    }

    void submit(String token, String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(platform.api(PROJECTS) + "/projects/" + id + "/submit"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("submit answered " + r.statusCode() + ": " + r.body());
        }
    }

    JsonNode postJson(String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** A real access token: the password grant on the public client msp-cli (password = user + "-pw"). */
    String token(String user) throws Exception {
        String form = "client_id=msp-cli&grant_type=password&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user + "-pw", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + platform.keycloakPort + "/realms/msp/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token for " + user + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asText();
    }
}
