package org.msp.bench;

import org.msp.infra.ChildProcess;
import org.msp.infra.KafkaBroker;
import org.msp.infra.KeycloakServer;
import org.msp.infra.Ports;
import org.msp.infra.ProcessPlatform;
import org.msp.infra.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.msp.bench.Bench.log;
import static org.msp.bench.Bench.sleep;
import static org.msp.bench.Figures.round1;

/**
 * The platform under measurement: its bench-only state folder, its free loopback ports and the
 * processes of this run (PostgreSQL, Kafka, Keycloak, the four services), all tied to this JVM.
 */
final class Platform {
    static final String PROJECTS = "project-service";
    static final String PARTNERS = "partner-service";
    static final String REVIEWS = "esg-review-service";
    static final String NOTIFICATIONS = "notification-service";
    static final List<String> SERVICES = List.of(PROJECTS, PARTNERS, REVIEWS, NOTIFICATIONS);
    static final Map<String, String> DATABASES = Map.of(PROJECTS, "project", PARTNERS, "partner",
            REVIEWS, "esg_review", NOTIFICATIONS, "notification");

    final Path root = Path.of(System.getProperty("msp.root", ".")).toAbsolutePath().normalize();
    final Path benchDir = root.resolve("deploy/bench");
    final Path work = benchDir.resolve("target/work");
    final Path logs = work.resolve("logs");
    final int pgPort = Ports.freePort();
    final int keycloakPort = Ports.freePort();
    final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    final Map<String, ServiceProcess.Wiring> wirings = new ConcurrentHashMap<>();
    ChildProcess postgres;
    KafkaBroker kafka;
    KeycloakServer keycloak;

    ServiceProcess startService(String name, ServiceProcess.Wiring wiring, String logName) {
        ServiceProcess service = ServiceProcess.start(root.resolve(name), wiring,
                System.getProperty("bench.service.heap", "192m"), logs.resolve(logName), true, pid -> { });
        services.put(name, service);
        return service;
    }

    KeycloakServer startKeycloak() {
        Path zip = Path.of(System.getProperty("msp.keycloak.zip"));
        Path distribution = KeycloakServer.unpack(zip, mkdirs(benchDir.resolve("target/keycloak")));
        ProcessPlatform.deleteRecursively(distribution.resolve("data"));
        return KeycloakServer.start(distribution, root.resolve("deploy/keycloak/msp-realm.json"), keycloakPort,
                logs.resolve("keycloak.log"), true, pid -> { });
    }

    Map<String, String> extraEnv(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        if (service.equals(NOTIFICATIONS)) {
            env.put("WEBHOOK_ALLOW_LOOPBACK", "true");
        }
        return env;
    }

    String realmUrl() {
        return "http://localhost:" + keycloakPort + "/realms/msp";
    }

    String api(String service) {
        return services.get(service).baseUrl() + "/api/v1";
    }

    String jdbc(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    /**
     * Waits (at most 150 s) until every consumer group has caught up with its topics, so that one stage's
     * events (each submission fans out into reviews, status changes and timeline rows) do not load the next.
     */
    double awaitQuiet() {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(150);
        Properties props = new Properties();
        props.putAll(kafka.clientConfig()); // the operator: it may describe every group
        long lag = -1;
        try (var admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                lag = 0;
                for (var group : admin.listConsumerGroups().all().get()) {
                    if (group.groupId().startsWith("bench-")) {
                        continue;
                    }
                    var committed = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                    Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new LinkedHashMap<>();
                    committed.keySet().forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    for (var e : committed.entrySet()) {
                        if (e.getValue() != null && ends.containsKey(e.getKey())) {
                            lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                        }
                    }
                }
                if (lag == 0) {
                    break;
                }
                sleep(500);
            }
        } catch (Exception e) {
            log("   could not read consumer lag: " + e);
        }
        sleep(1000); // outbox relays and webhook deliveries settle after the last commit
        double seconds = round1((System.nanoTime() - t0) / 1e9);
        log("   quiet after " + seconds + " s (remaining consumer lag " + lag + ")");
        return seconds;
    }

    void stopAll() {
        log("== stopping everything");
        services.values().parallelStream().forEach(s -> {
            try {
                s.stop();
            } catch (RuntimeException ignored) {
                // already gone
            }
        });
        if (keycloak != null) {
            keycloak.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop(Duration.ofSeconds(20));
        }
    }

    static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
