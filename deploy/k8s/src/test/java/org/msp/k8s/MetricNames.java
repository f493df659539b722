package org.msp.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names the services export on /q/metrics, as Prometheus sees them, so that alert rules and panels
 * cannot name a metric nobody exports. The platform's own are read from the sources (Micrometer's
 * Gauge.builder and Counter.builder, named as Micrometer's Prometheus registry names them: dots become
 * underscores, counters end in _total); the Kafka clients' are fixed by Kafka and bound by Quarkus Micrometer.
 */
final class MetricNames {
    private static final Pattern METER = Pattern.compile("(Gauge|Counter)\\.builder\\(\"([a-z0-9.]+)\"");
    /**
     * Kafka client metrics used here (group "consumer-fetch-manager-metrics" and "producer-topic-metrics", named
     * kafka.<group without -metrics>.<metric> by Micrometer's KafkaClientMetrics).
     */
    static final Set<String> KAFKA_CLIENT = Set.of(
            "kafka_consumer_fetch_manager_records_lag",
            "kafka_consumer_fetch_manager_records_lag_max",
            "kafka_producer_topic_record_send_total",
            "kafka_producer_topic_record_error_total");
    private static final Pattern NAME_IN_QUERY = Pattern.compile("\\b((?:msp|kafka)_[a-z0-9_]+)\\b");

    private MetricNames() {
    }

    static Set<String> exported() {
        Set<String> names = new TreeSet<>(KAFKA_CLIENT);
        for (String module : new String[] {"platform-commons", "project-service", "partner-service",
                "esg-review-service", "notification-service"}) {
            try (Stream<Path> sources = Files.walk(Manifests.root().resolve(module).resolve("src/main/java"))) {
                sources.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                    Matcher meter = METER.matcher(Manifests.read(file));
                    while (meter.find()) {
                        String name = meter.group(2).replace('.', '_');
                        names.add(meter.group(1).equals("Counter") ? name + "_total" : name);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** The platform's and Kafka's metric names a PromQL expression uses. */
    static Set<String> usedIn(String query) {
        Set<String> used = new TreeSet<>();
        Matcher matcher = NAME_IN_QUERY.matcher(query);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        return used;
    }
}
