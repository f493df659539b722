package org.msp.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.msp.infra.ProcessPlatform;
import org.msp.infra.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the alert rules of deploy/k8s watch is what the running services export: every metric an alert names
 * is on some service's {@code /q/metrics}, which is served on the management port and not on the API's. A
 * webhook that cannot be reached makes the delivery counters appear (they are registered on the first failure).
 */
class MetricsEndToEndTest {
    private static final Pattern METRIC = Pattern.compile("\\b((?:msp|kafka)_[a-z_]+)\\b");

    static String metrics(ProcessPlatform platform, String service) {
        return given().get(platform.managementUrl(service) + "/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The metric names the alert rules' expressions use. */
    static Set<String> alerted() throws IOException {
        Path rules = Path.of(System.getProperty("msp.root", "../..")).resolve("deploy/k8s/monitoring/alerts.yml");
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(rules)) {
            if (line.trim().startsWith("expr:")) {
                Matcher m = METRIC.matcher(line);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void everyMetricTheAlertsWatchIsExportedOnTheManagementPort() throws IOException {
        ProcessPlatform platform = SharedPlatform.get();
        for (String service : ProcessPlatform.SERVICES) {
            assertEquals(404, given().get(platform.url(service).replace("/api/v1", "/q/metrics")).statusCode(),
                    service + " must not serve its metrics on the API's port");
        }
        // a webhook to a port nobody listens on: its attempts fail until the last, and are counted
        String project = Journeys.gbDraft();
        given().contentType(ContentType.JSON)
                .body(Map.of("channel", "WEBHOOK", "target", "http://127.0.0.1:" + Ports.freePort() + "/nobody",
                        "filter", Map.of("projectIds", List.of(project))))
                .post(SharedPlatform.url(ProcessPlatform.NOTIFICATIONS, "/subscriptions")).then().statusCode(201);
        Journeys.submit(project);
        await().atMost(Journeys.WAIT).until(() -> metrics(platform, ProcessPlatform.NOTIFICATIONS)
                .contains("msp_deliveries_failed_total{channel=\"webhook\""));

        Set<String> alerted = alerted();
        assertTrue(alerted.size() >= 7, "the alert rules name their metrics: " + alerted);
        // Micrometer registers the Kafka clients' per-topic and per-partition metrics on its next refresh (each
        // minute), so a young platform may not show them yet
        await().atMost(Duration.ofMinutes(2)).until(() -> missing(platform, alerted).isEmpty());
        assertEquals(Set.of(), missing(platform, alerted), "alerted but exported by no service");
    }

    private static Set<String> missing(ProcessPlatform platform, Set<String> alerted) {
        String exported = ProcessPlatform.SERVICES.stream().map(service -> metrics(platform, service))
                .collect(Collectors.joining("\n"));
        return alerted.stream()
                .filter(name -> !Pattern.compile("(?m)^" + name + "[{ ]").matcher(exported).find())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
