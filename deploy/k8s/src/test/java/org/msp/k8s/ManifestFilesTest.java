package org.msp.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file parses, and every document is an object kubectl can apply: apiVersion, kind, a unique name. */
class ManifestFilesTest {

    @Test
    void everyFileParsesAndHoldsObjects() {
        List<Path> files = Manifests.yamlFiles();
        assertTrue(files.size() >= 12, "expected the manifests of deploy/k8s, found " + files);
        for (Path file : files) {
            assertFalse(Manifests.documents(file).isEmpty(), file + " holds no YAML document");
        }
    }

    @Test
    void everyObjectHasApiVersionKindAndAUniqueName() {
        Set<String> seen = new HashSet<>();
        for (JsonNode doc : Manifests.objects()) {
            String kind = doc.path("kind").asText();
            String name = doc.path("metadata").path("name").asText();
            assertFalse(doc.path("apiVersion").asText().isBlank(), "an object without apiVersion: " + doc);
            assertFalse(kind.isBlank(), "an object without kind: " + doc);
            assertTrue(name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?") && name.length() <= 253,
                    kind + " has no valid name: '" + name + "'");
            assertTrue(seen.add(kind + "/" + name), "two objects " + kind + "/" + name);
            // applied with kubectl -n <namespace>: a namespace written in a file would override it
            assertTrue(doc.path("metadata").path("namespace").isMissingNode(), kind + "/" + name + " names a namespace");
        }
    }

    @Test
    void everyApplicationHasItsManifest() {
        for (String application : Manifests.APPLICATIONS) {
            assertEquals(application, Manifests.named("Deployment", application).path("metadata").path("name").asText());
            Manifests.named("Service", application);
            Manifests.named("PodDisruptionBudget", application);
            Manifests.named("HorizontalPodAutoscaler", application);
        }
    }
}
