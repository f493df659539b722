package org.msp.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/k8s/services/<application>.yml is what quarkus-kubernetes generated at the application's package time
 * (target/kubernetes/kubernetes.yml), so reviewers and kubectl get the file without a build. Compared as YAML
 * objects, with each container's environment sorted by name: the generator writes it in no fixed order.
 * To refresh a copy after changing quarkus.kubernetes.* settings:
 * {@code ./mvnw -B -o package -DskipTests -pl <application> && cp <application>/target/kubernetes/kubernetes.yml
 * deploy/k8s/services/<application>.yml}.
 */
class GeneratedManifestsTest {

    @Test
    void theCommittedCopiesAreWhatTheBuildGenerated() {
        for (String application : Manifests.APPLICATIONS) {
            Path generated = Manifests.root().resolve(application).resolve("target/kubernetes/kubernetes.yml");
            Path committed = Manifests.dir().resolve("services").resolve(application + ".yml");
            assertTrue(Files.exists(generated), generated + " is missing: package " + application
                    + " first (./mvnw -B package -pl " + application + "), which generates it");
            assertEquals(normalised(generated), normalised(committed), committed + " differs from " + generated
                    + "; copy it over after checking the change:\n  cp " + application + "/target/kubernetes/kubernetes.yml "
                    + "deploy/k8s/services/" + application + ".yml");
        }
    }

    private static String normalised(Path file) {
        List<JsonNode> docs = new ArrayList<>(Manifests.documents(file));
        docs.forEach(GeneratedManifestsTest::sortEnvironments);
        return docs.stream().map(Manifests::yaml).reduce("", String::concat);
    }

    private static void sortEnvironments(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode env = object.get("env");
            if (env instanceof ArrayNode entries) {
                List<JsonNode> sorted = new ArrayList<>();
                entries.forEach(sorted::add);
                sorted.sort(Comparator.comparing(entry -> entry.path("name").asText()));
                entries.removeAll();
                entries.addAll(sorted);
            }
            object.elements().forEachRemaining(GeneratedManifestsTest::sortEnvironments);
        } else if (node instanceof ArrayNode array) {
            array.forEach(GeneratedManifestsTest::sortEnvironments);
        }
    }
}
