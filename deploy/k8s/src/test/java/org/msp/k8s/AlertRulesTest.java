package org.msp.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** monitoring/alerts.yml: valid for Prometheus (promtool), and every metric it names is exported. */
class AlertRulesTest {
    private static final Path RULES = Manifests.dir().resolve("monitoring/alerts.yml");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        String promtool = onPath("promtool");
        // CI installs Debian's prometheus package when promtool is missing (.ci/run)
        Assumptions.assumeTrue(promtool != null, "promtool is not installed (Debian: apt-get install prometheus): "
                + "the alert rules were not checked by Prometheus here");
        Process check = new ProcessBuilder(promtool, "check", "rules", RULES.toString()).redirectErrorStream(true).start();
        assertTrue(check.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.exitValue(), output);
        assertTrue(output.contains("SUCCESS"), output);
    }

    @Test
    void everyRuleNamesOnlyExportedMetrics() {
        Set<String> exported = MetricNames.exported();
        Set<String> used = new TreeSet<>();
        for (JsonNode group : Manifests.documents(RULES).get(0).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                Set<String> names = MetricNames.usedIn(rule.path("expr").asText());
                assertFalse(names.isEmpty(), rule.path("alert").asText() + " names no platform metric");
                used.addAll(names);
            }
        }
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(exported);
        assertEquals(Set.of(), unknown, "metrics nobody exports (exported: " + exported + ")");
    }

    @Test
    void theIssuesSignalsAreAllWatched() {
        String rules = Manifests.read(RULES);
        for (String metric : new String[] {"kafka_consumer_fetch_manager_records_lag", "msp_outbox_rows_unsent",
                "msp_outbox_oldest_unsent_age_seconds", "msp_outbox_rows_set_aside",
                "kafka_producer_topic_record_send_total", "msp_deliveries_failed_total"}) {
            assertTrue(rules.contains(metric), "no alert on " + metric);
        }
    }

    private static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File file = new File(dir, command);
            if (file.canExecute()) {
                return file.getPath();
            }
        }
        return null;
    }
}
