package org.msp.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files of deploy/k8s, read as YAML documents; a duplicated key is an error, not a silent overwrite. */
final class Manifests {
    static final List<String> SERVICES = List.of("project-service", "partner-service", "esg-review-service",
            "notification-service");
    /** The services and the portal: everything quarkus-kubernetes generates a Deployment for. */
    static final List<String> APPLICATIONS = List.of("project-service", "partner-service", "esg-review-service",
            "notification-service", "web-portal");

    static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private Manifests() {
    }

    static Path root() {
        return Path.of(System.getProperty("msp.root", "../..")).toAbsolutePath().normalize();
    }

    static Path dir() {
        return root().resolve("deploy/k8s");
    }

    /** Every YAML file of deploy/k8s (not the module's build or sources). */
    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(dir())) {
            return files.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
                    .filter(file -> !dir().relativize(file).startsWith("target") && !dir().relativize(file).startsWith("src"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> result = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    result.add(doc);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every Kubernetes object of the Kubernetes files (the alert rules file is a Prometheus rule file, not one). */
    static List<JsonNode> objects() {
        return yamlFiles().stream().filter(file -> !file.endsWith(Path.of("monitoring/alerts.yml")))
                .flatMap(file -> documents(file).stream()).toList();
    }

    static List<JsonNode> ofKind(String kind) {
        return objects().stream().filter(doc -> kind.equals(doc.path("kind").asText())).toList();
    }

    static JsonNode named(String kind, String name) {
        return ofKind(kind).stream().filter(doc -> name.equals(doc.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
