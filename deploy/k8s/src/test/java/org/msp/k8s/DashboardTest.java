package org.msp.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** monitoring/dashboard.json: a Grafana dashboard that parses, whose panels query only exported metrics. */
class DashboardTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @Test
    void panelsQueryOnlyExportedMetrics() throws Exception {
        JsonNode dashboard = JSON.readTree(Manifests.dir().resolve("monitoring/dashboard.json").toFile());
        assertFalse(dashboard.path("title").asText().isBlank());
        Set<String> exported = MetricNames.exported();
        Set<String> used = new TreeSet<>();
        Set<Integer> ids = new HashSet<>();
        assertTrue(dashboard.path("panels").size() >= 6);
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "two panels with id " + panel.path("id"));
            assertTrue(panel.path("targets").size() > 0, panel.path("title").asText() + " has no query");
            for (JsonNode target : panel.path("targets")) {
                Set<String> names = MetricNames.usedIn(target.path("expr").asText());
                assertFalse(names.isEmpty(), panel.path("title").asText());
                used.addAll(names);
            }
        }
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(exported);
        assertEquals(Set.of(), unknown, "panels query metrics nobody exports");
    }
}
