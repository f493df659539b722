package org.msp.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.msp.infra.KafkaBroker;
import org.msp.infra.Ports;
import org.msp.infra.PostgresServer;
import org.msp.infra.SideBySide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Gives a service's tests a real PostgreSQL and a real Kafka broker, started once per test JVM
 * (in parallel, on free ports) and stopped when the JVM exits, so every Quarkus restart between
 * test classes reuses them and nothing is left running after the build.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {
    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static Path work;

    @Override
    public Map<String, String> start() {
        ensureStarted();
        String database = "msp_test";
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // kept for the next Quarkus start in this JVM; the shutdown hook stops both servers
    }

    /** The broker's address, for tests that produce or consume directly. */
    public static String bootstrapServers() {
        ensureStarted();
        return kafka.bootstrapServers();
    }

    public static KafkaBroker broker() {
        ensureStarted();
        return kafka;
    }

    /** Starts a fresh broker on the same ports and data, e.g. after a test stopped it. */
    public static synchronized void restartBroker() {
        Path dataDir = kafka.dataDir();
        int port = kafka.port();
        int controllerPort = kafka.controllerPort();
        kafka.stop();
        kafka = KafkaBroker.start(dataDir, port, controllerPort, true);
    }

    private static synchronized void ensureStarted() {
        if (postgres != null) {
            return;
        }
        try {
            // under the module's target/ when there is one, so a build never litters /tmp
            Path target = Path.of("target").toAbsolutePath();
            work = Files.isDirectory(target)
                    ? Files.createTempDirectory(target, "msp-test-infra")
                    : Files.createTempDirectory("msp-test-infra");
            CompletableFuture<PostgresServer> pg = SideBySide.supply("postgres", () -> {
                PostgresServer server = PostgresServer.fromEnvironmentOrEmbedded(0, null);
                server.createDatabaseIfMissing("msp_test");
                return server;
            });
            CompletableFuture<KafkaBroker> broker = SideBySide.supply("kafka", () -> startBroker(work));
            postgres = pg.join();
            kafka = broker.join();
            Runtime.getRuntime().addShutdownHook(new Thread(PlatformTestResource::stopAll, "msp-test-infra-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker on free ports; a second try on other ports when a chosen one was taken meanwhile. */
    private static KafkaBroker startBroker(Path work) {
        try {
            return KafkaBroker.start(work.resolve("kafka"), Ports.freePort(), Ports.freePort(), true);
        } catch (RuntimeException first) {
            System.err.println("[msp-infra] Kafka broker did not start, trying once more on other ports: "
                    + first.getMessage());
            try {
                return KafkaBroker.start(work.resolve("kafka-retry"), Ports.freePort(), Ports.freePort(), true);
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private static synchronized void stopAll() {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        deleteQuietly(work);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp directory left behind is harmless
        }
    }
}
