package org.msp.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
 * objects (key order aside), with lists of named entries (environment, ports) sorted by name: the generator
 * writes maps and those lists in no fixed order from one build to the next. The commit id is left out.
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
            List<JsonNode> expected = normalised(generated);
            List<JsonNode> actual = normalised(committed);
            assertEquals(yaml(expected), expected.equals(actual) ? yaml(expected) : yaml(actual), committed + " differs from " + generated
                    + "; copy it over after checking the change:\n  cp " + application + "/target/kubernetes/kubernetes.yml "
                    + "deploy/k8s/services/" + application + ".yml");
        }
    }

    /** The documents with named lists sorted; JsonNode equality already ignores the order of an object's keys. */
    private static List<JsonNode> normalised(Path file) {
        List<JsonNode> docs = new ArrayList<>(Manifests.documents(file));
        docs.forEach(GeneratedManifestsTest::sortNamedLists);
        docs.forEach(GeneratedManifestsTest::withoutCommit);
        return docs;
    }

    /**
     * Drops the {@code app.quarkus.io/commit-id} annotations the generator adds inside a git checkout (not in a
     * worktree, not in a source tarball): a committed copy can never name the commit it is part of.
     */
    private static void withoutCommit(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("annotations") instanceof ObjectNode annotations) {
                annotations.remove("app.quarkus.io/commit-id");
                annotations.remove("app.quarkus.io/vcs-uri");
            }
            object.elements().forEachRemaining(GeneratedManifestsTest::withoutCommit);
        } else if (node instanceof ArrayNode array) {
            array.forEach(GeneratedManifestsTest::withoutCommit);
        }
    }

    private static void sortNamedLists(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(GeneratedManifestsTest::sortNamedLists);
            List<JsonNode> entries = new ArrayList<>();
            array.forEach(entries::add);
            if (!entries.isEmpty() && entries.stream().allMatch(entry -> entry.path("name").isTextual())) {
                entries.sort(Comparator.comparing(entry -> entry.path("name").asText()));
                array.removeAll();
                array.addAll(entries);
            }
        } else if (node instanceof ObjectNode object) {
            object.elements().forEachRemaining(GeneratedManifestsTest::sortNamedLists);
        }
    }

    /** For the failure message: the documents with their keys sorted too, so a diff shows only what differs. */
    private static String yaml(List<JsonNode> docs) {
        ObjectMapper sorted = Manifests.YAML.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        StringBuilder text = new StringBuilder();
        for (JsonNode doc : docs) {
            try {
                text.append(sorted.writeValueAsString(sorted.convertValue(doc, Object.class)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }
}
