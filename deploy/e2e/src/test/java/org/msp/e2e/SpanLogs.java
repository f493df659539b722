package org.msp.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spans the services wrote to their logs (TRACES_LOG=true: one OTLP JSON line per export, after the log
 * line's prefix), read back as a collector would have received them.
 */
final class SpanLogs {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** OTLP's SpanKind numbers. */
    static final int SERVER = 2, CLIENT = 3, PRODUCER = 4, CONSUMER = 5;

    record Span(String service, int kind, String name, String spanId, String parentSpanId) {
    }

    private SpanLogs() {
    }

    /** Every span of {@code traceId} in the logs of {@code services}, in the order they were logged. */
    static List<Span> of(String traceId, Path logs, List<String> services) {
        List<Span> spans = new ArrayList<>();
        for (String service : services) {
            Path log = logs.resolve(service + ".log");
            List<String> lines;
            try {
                lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : lines) {
                int json = line.indexOf("{\"resource\"");
                if (json < 0 || !line.contains(traceId)) {
                    continue;
                }
                try {
                    for (JsonNode scope : JSON.readTree(line.substring(json)).path("scopeSpans")) {
                        for (JsonNode span : scope.path("spans")) {
                            if (traceId.equals(span.path("traceId").asText())) {
                                spans.add(new Span(service, span.path("kind").asInt(), span.path("name").asText(),
                                        span.path("spanId").asText(), span.path("parentSpanId").asText(null)));
                            }
                        }
                    }
                } catch (IOException e) {
                    // a line being written as we read it: the next read has it whole
                }
            }
        }
        return spans;
    }

    static Optional<Span> find(List<Span> spans, String service, int kind, String name, String parentSpanId) {
        return spans.stream().filter(s -> s.service().equals(service) && s.kind() == kind && s.name().equals(name)
                && s.parentSpanId() != null && s.parentSpanId().equals(parentSpanId)).findFirst();
    }
}
