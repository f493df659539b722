package org.msp.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The one-command local run (deploy/local/up.sh): starts PostgreSQL, Kafka, Keycloak and the four
 * services as background processes, waits until every part is ready, and records each PID under
 * the state folder so deploy/local/down.sh can stop exactly what was started. Running it again
 * while the parts are up starts nothing twice.
 */
public final class LocalPlatform {
    /** The four services: name, database, port. */
    public record Service(String name, String database, int port) {
    }

    public static final List<Service> SERVICES = List.of(
            new Service("project-service", "project", 8081),
            new Service("partner-service", "partner", 8082),
            new Service("esg-review-service", "esg_review", 8083),
            new Service("notification-service", "notification", 8084));

    private final Path root;
    private final Path state;
    private final int pgPort = intEnv("MSP_PG_PORT", 15432);
    private final int kafkaPort = intEnv("MSP_KAFKA_PORT", 9092);
    private final int kafkaControllerPort = intEnv("MSP_KAFKA_CONTROLLER_PORT", 9093);
    private final int keycloakPort = intEnv("MSP_KEYCLOAK_PORT", 8180);

    LocalPlatform(Path root, Path state) {
        this.root = root;
        this.state = state;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("msp.root", ".")).toAbsolutePath().normalize();
        Path state = Optional.ofNullable(System.getenv("MSP_STATE_DIR")).map(Path::of).orElse(root.resolve(".local"));
        try {
            new LocalPlatform(root, state).up();
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            System.err.println("\nThe platform did not come up: " + cause.getMessage());
            System.err.println("Stop what did start with deploy/local/down.sh.");
            System.exit(1);
        }
    }

    void up() {
        long started = System.nanoTime();
        CompletableFuture<String> postgres = SideBySide.supply("postgres", this::startPostgres);
        CompletableFuture<String> kafka = SideBySide.supply("kafka", this::startKafka);
        CompletableFuture<String> keycloak = SideBySide.supply("keycloak", this::startKeycloak);
        String jdbcBase = postgres.join();
        String bootstrap = kafka.join();
        List<CompletableFuture<Void>> services = new ArrayList<>();
        for (Service service : selectedServices()) {
            services.add(SideBySide.run(service.name(), () -> startService(service, jdbcBase, bootstrap)));
        }
        keycloak.join();
        services.forEach(CompletableFuture::join);
        printSummary(jdbcBase, bootstrap, Duration.ofNanos(System.nanoTime() - started));
    }

    /** MSP_SERVICES=project-service,partner-service starts only those; all four by default. */
    private static List<Service> selectedServices() {
        String only = System.getenv("MSP_SERVICES");
        if (only == null || only.isBlank()) {
            return SERVICES;
        }
        List<String> names = List.of(only.split("\\s*,\\s*"));
        return SERVICES.stream().filter(s -> names.contains(s.name())).toList();
    }

    private String startPostgres() {
        String external = System.getenv("MSP_PG_URL");
        List<String> databases = SERVICES.stream().map(Service::database).toList();
        if (external != null && !external.isBlank()) {
            PostgresServer server = PostgresServer.external(external,
                    envOr("MSP_PG_USER", "postgres"), envOr("MSP_PG_PASSWORD", "postgres"));
            databases.forEach(server::createDatabaseIfMissing);
            ready("postgresql", "external server " + external);
            return external.endsWith("/") ? external : external + "/";
        }
        String url = "jdbc:postgresql://127.0.0.1:" + pgPort + "/";
        if (alreadyRunning("postgresql")) {
            return url;
        }
        requirePortFree("postgresql", pgPort, "MSP_PG_PORT");
        ChildProcess pg = PostgresNode.start(pgPort, state.resolve("postgres/data"), databases,
                List.of("-Djava.io.tmpdir=" + dir("tmp"), "-Dot.epg.working-dir=" + dir("postgres/binaries")),
                root, log("postgresql"), false, pid -> writePid("postgresql", pid));
        ready("postgresql", url + " (pid " + pg.pid() + ")");
        return url;
    }

    private String startKafka() {
        String bootstrap = "127.0.0.1:" + kafkaPort;
        if (alreadyRunning("kafka")) {
            return bootstrap;
        }
        requirePortFree("kafka", kafkaPort, "MSP_KAFKA_PORT");
        requirePortFree("kafka controller", kafkaControllerPort, "MSP_KAFKA_CONTROLLER_PORT");
        KafkaBroker broker = KafkaBroker.start(dir("kafka"), kafkaPort, kafkaControllerPort, false,
                pid -> writePid("kafka", pid));
        ready("kafka", bootstrap + " (pid " + broker.pid() + ")");
        return bootstrap;
    }

    private String startKeycloak() {
        String realm = "http://localhost:" + keycloakPort + "/realms/msp";
        if (alreadyRunning("keycloak")) {
            return realm;
        }
        requirePortFree("keycloak", keycloakPort, "MSP_KEYCLOAK_PORT");
        Path zip = Path.of(System.getProperty("msp.keycloak.zip", state.resolve("downloads/keycloak.zip").toString()));
        if (!Files.exists(zip)) {
            throw new IllegalStateException("Keycloak distribution missing: " + zip + " (up.sh fetches it)");
        }
        Path distribution = KeycloakServer.unpack(zip, dir("keycloak"));
        KeycloakServer kc = KeycloakServer.start(distribution, root.resolve("deploy/keycloak/msp-realm.json"),
                keycloakPort, log("keycloak"), false, pid -> writePid("keycloak", pid));
        ready("keycloak", realm + " (pid " + kc.pid() + ")");
        return realm;
    }

    private void startService(Service service, String jdbcBase, String bootstrap) {
        if (alreadyRunning(service.name())) {
            return;
        }
        requirePortFree(service.name(), service.port(), "port " + service.port());
        ServiceProcess.Wiring wiring = new ServiceProcess.Wiring(service.port(), jdbcBase + service.database(),
                envOr("MSP_PG_USER", "postgres"), envOr("MSP_PG_PASSWORD", "postgres"), bootstrap,
                "http://localhost:" + keycloakPort + "/realms/msp", Map.of());
        ServiceProcess process = ServiceProcess.start(root.resolve(service.name()), wiring,
                envOr("MSP_SERVICE_HEAP", "192m"), log(service.name()), false, pid -> writePid(service.name(), pid));
        process.awaitReady(Duration.ofSeconds(180));
        ready(service.name(), "http://localhost:" + service.port() + " (pid " + process.pid() + ")");
    }

    private void printSummary(String jdbcBase, String bootstrap, Duration took) {
        String realm = "http://localhost:" + keycloakPort + "/realms/msp";
        StringBuilder out = new StringBuilder();
        out.append("\nMSP pipeline platform is ready (").append(took.toSeconds()).append(" s)\n\n");
        for (Service service : selectedServices()) {
            out.append(String.format("  %-21s http://localhost:%d/api/v1   OpenAPI: /q/openapi   health: /q/health%n",
                    service.name(), service.port()));
        }
        out.append(String.format("  %-21s %s%n", "keycloak realm", realm));
        out.append(String.format("  %-21s %s%n", "kafka", bootstrap));
        out.append(String.format("  %-21s %s{project,partner,esg_review,notification}%n", "postgresql", jdbcBase));
        out.append("""

                Demo users (password = username + "-pw"):
                  gb-officer, us-officer, eu-officer, jp-officer, zm-officer, cd-officer  partner-government (country = prefix)
                  jp-reviewer, zm-reviewer                                                esg-reviewer
                  secretariat                                                             secretariat
                  civil-society                                                           civil-society

                Get a token and call a service:
                  TOKEN=$(curl -s -d client_id=msp-cli -d grant_type=password \\
                    -d username=gb-officer -d password=gb-officer-pw \\
                    %s/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  curl -H "Authorization: Bearer $TOKEN" http://localhost:8081/api/v1/projects

                Logs: %s   Stop: deploy/local/down.sh   (--purge also deletes %s)
                """.formatted(realm, state.resolve("logs"), state));
        System.out.println(out);
    }

    private boolean alreadyRunning(String part) {
        Path pidFile = state.resolve("run/" + part + ".pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                ready(part, "already running (pid " + pid + ")");
                return true;
            }
            Files.delete(pidFile);
            return false;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static void requirePortFree(String part, int port, String setting) {
        if (Ports.isListening(port)) {
            throw new IllegalStateException(part + ": something else already listens on 127.0.0.1:" + port
                    + " (not started by this platform); free it or change " + setting);
        }
    }

    private void writePid(String part, long pid) {
        try {
            Files.writeString(dir("run").resolve(part + ".pid"), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path log(String part) {
        return dir("logs").resolve(part + ".log");
    }

    private Path dir(String relative) {
        try {
            return Files.createDirectories(state.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void ready(String part, String detail) {
        System.out.printf("  ready  %-21s %s%n", part, detail);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(envOr(name, String.valueOf(fallback)));
    }
}
