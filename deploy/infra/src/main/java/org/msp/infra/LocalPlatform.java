package org.msp.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * The one-command local run (deploy/local/up.sh): starts PostgreSQL, Kafka, Keycloak and the four
 * services as background processes, waits until every part is ready, and records each PID under
 * the state folder so deploy/local/down.sh can stop exactly what was started. Running it again
 * judges each part by whether it answers (not by a live PID): a part that answers is left alone,
 * one that does not is cleared away (its process stopped if it still runs) and started anew, and
 * the run says so, e.g. "postgresql was not answering (pid 1234 gone): restarted".
 */
public final class LocalPlatform {
    /** The four services: name, database, port. */
    public record Service(String name, String database, int port) {
        /**
         * Instance {@code n} (from 1) of this service: the first keeps the name and port, the others are
         * {@code project-service-2} on 8181, {@code project-service-3} on 8281 and so on, on the same database,
         * consumer group and Kafka login, as replicas behind a load balancer would be.
         */
        Service instance(int n) {
            return n == 1 ? this : new Service(name + "-" + n, database, port + INSTANCE_PORT_STEP * (n - 1));
        }

        /** Its management interface ({@code /q/metrics}), 1000 above its API port: 9081 for 8081. */
        int managementPort() {
            return port + 1000;
        }

        /** The module it runs from: {@code project-service-2} runs project-service. */
        String module() {
            return SERVICES.stream().map(Service::name).filter(name::startsWith).findFirst().orElseThrow();
        }
    }

    /** Ports of further instances: 100 above the previous one's. */
    static final int INSTANCE_PORT_STEP = 100;
    /** At most this many instances of each service (MSP_INSTANCES). */
    static final int MAX_INSTANCES = 5;

    public static final List<Service> SERVICES = List.of(
            new Service("project-service", "project", 8081),
            new Service("partner-service", "partner", 8082),
            new Service("esg-review-service", "esg_review", 8083),
            new Service("notification-service", "notification", 8084));

    /** The web portal (no database of its own): the address people open. */
    public static final String PORTAL = "web-portal";
    private final int portalPort = intEnv("MSP_PORTAL_PORT", 8080);

    /** How long a part whose process still runs may take to answer before it is judged silent. */
    static final Duration SERVER_GRACE = Duration.ofSeconds(10);
    /** Longer for a service: after a database or broker restart its readiness needs a moment to recover. */
    static final Duration SERVICE_GRACE = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path root;
    private final Path state;
    private final Queue<String> restarted = new ConcurrentLinkedQueue<>();
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
        // each service logs in to Kafka as its own user, with the password kept in Kafka's state folder
        KafkaAccess kafkaAccess = KafkaAccess.load(state.resolve("kafka")).orElseThrow();
        List<CompletableFuture<Void>> services = new ArrayList<>();
        for (Service service : selectedServices()) {
            services.add(SideBySide.run(service.name(), () -> startService(service, jdbcBase, bootstrap, kafkaAccess)));
        }
        keycloak.join();
        services.forEach(CompletableFuture::join);
        if (System.getenv("MSP_NO_PORTAL") == null) {
            startPortal();
        }
        printSummary(jdbcBase, bootstrap, kafkaAccess, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * MSP_SERVICES=project-service,partner-service starts only those; all four by default. MSP_INSTANCES=2 starts
     * two instances of each (see {@link Service#instance}).
     */
    static List<Service> selectedServices() {
        String only = System.getenv("MSP_SERVICES");
        List<String> names = only == null || only.isBlank() ? null : List.of(only.split("\\s*,\\s*"));
        int instances = instances();
        List<Service> selected = new ArrayList<>();
        for (Service service : SERVICES) {
            if (names == null || names.contains(service.name())) {
                for (int n = 1; n <= instances; n++) {
                    selected.add(service.instance(n));
                }
            }
        }
        return selected;
    }

    static int instances() {
        int instances = intEnv("MSP_INSTANCES", 1);
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException("MSP_INSTANCES must be 1 to " + MAX_INSTANCES + ", not " + instances);
        }
        return instances;
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
        Path dataDir = state.resolve("postgres/data");
        Earlier earlier = judge("postgresql", () -> Readiness.answersSql(url + "postgres", "postgres", "postgres"),
                SERVER_GRACE);
        if (reuse(earlier)) {
            return url;
        }
        // the server detaches from its launcher: after a hard kill of the launcher it may still run
        PostgresNode.stopLeftoverServer(dataDir, STOP_GRACE).ifPresent(pid ->
                note("postgresql", "stopped its server left running without a launcher (pid " + pid + ")"));
        requirePortFree("postgresql", pgPort, "MSP_PG_PORT");
        ChildProcess pg = PostgresNode.start(pgPort, dataDir, databases,
                List.of("-Djava.io.tmpdir=" + dir("tmp"), "-Dot.epg.working-dir=" + dir("postgres/binaries")),
                root, log("postgresql"), false, pid -> writePid("postgresql", pid));
        ready("postgresql", url + " (pid " + pg.pid() + ")" + earlier.restartedNote());
        return url;
    }

    private String startKafka() {
        String bootstrap = "127.0.0.1:" + kafkaPort;
        Earlier earlier = judge("kafka", () -> Readiness.answersKafka(kafkaPort), SERVER_GRACE);
        if (reuse(earlier)) {
            if (!KafkaAccess.existsIn(state.resolve("kafka"))) {
                // started before the broker required logins: PLAINTEXT, no users for the services
                throw new IllegalStateException("kafka (pid " + earlier.pid() + ") was started before the broker"
                        + " required SASL/SCRAM logins and has no users. Stop it and start afresh:"
                        + " deploy/local/down.sh --purge (deletes the local state: databases, topics, Keycloak data"
                        + " and logs; downloads are kept), then deploy/local/up.sh");
            }
            return bootstrap;
        }
        requirePortFree("kafka", kafkaPort, "MSP_KAFKA_PORT");
        requirePortFree("kafka controller", kafkaControllerPort, "MSP_KAFKA_CONTROLLER_PORT");
        KafkaBroker broker = KafkaBroker.startSecured(dir("kafka"), kafkaPort, kafkaControllerPort, false,
                pid -> writePid("kafka", pid));
        ready("kafka", bootstrap + " (pid " + broker.pid() + ")" + earlier.restartedNote());
        return bootstrap;
    }

    private String startKeycloak() {
        String realm = "http://localhost:" + keycloakPort + "/realms/msp";
        Earlier earlier = judge("keycloak", () -> KeycloakServer.isRealmServed(keycloakPort), SERVER_GRACE);
        if (reuse(earlier)) {
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
        ready("keycloak", realm + " (pid " + kc.pid() + ")" + earlier.restartedNote());
        return realm;
    }

    private void startService(Service service, String jdbcBase, String bootstrap, KafkaAccess kafkaAccess) {
        Earlier earlier = judge(service.name(),
                () -> Readiness.answersHttp("http://127.0.0.1:" + service.port() + "/q/health/ready"), SERVICE_GRACE);
        if (reuse(earlier)) {
            return;
        }
        requirePortFree(service.name(), service.port(), "port " + service.port());
        ServiceProcess.Wiring wiring = new ServiceProcess.Wiring(service.port(), jdbcBase + service.database(),
                envOr("MSP_PG_USER", "postgres"), envOr("MSP_PG_PASSWORD", "postgres"), bootstrap,
                "http://localhost:" + keycloakPort + "/realms/msp", Map.of())
                .withExtraEnv(kafkaAccess.environment(service.module()))
                .withExtraEnv(Map.of("MANAGEMENT_PORT", String.valueOf(service.managementPort())));
        ServiceProcess process = ServiceProcess.start(root.resolve(service.module()), wiring,
                envOr("MSP_SERVICE_HEAP", "192m"), log(service.name()), false, pid -> writePid(service.name(), pid));
        process.awaitReady(Duration.ofSeconds(180));
        ready(service.name(), "http://localhost:" + service.port() + ", metrics http://localhost:"
                + service.managementPort() + "/q/metrics (pid " + process.pid() + ")"
                + earlier.restartedNote());
    }

    /** The portal calls the services on their local ports and signs people in at the realm. */
    private void startPortal() {
        Earlier earlier = judge(PORTAL, () -> Readiness.answersHttp("http://127.0.0.1:" + portalPort + "/q/health/ready"),
                SERVICE_GRACE);
        if (reuse(earlier)) {
            return;
        }
        requirePortFree(PORTAL, portalPort, "MSP_PORTAL_PORT");
        Map<String, String> env = new java.util.HashMap<>();
        for (Service service : SERVICES) {
            env.put(service.name().toUpperCase().replace('-', '_') + "_URL", "http://localhost:" + service.port());
        }
        env.put("PUBLIC_FEED_URL", "http://localhost:8084/api/v1/feed.atom");
        env.put("PUBLIC_PROJECT_API_URL", "http://localhost:8081/api/v1");
        env.put("PUBLIC_REVIEW_API_URL", "http://localhost:8083/api/v1");
        ServiceProcess process = ServiceProcess.start(root.resolve(PORTAL), ServiceProcess.Wiring.withoutBackends(
                        portalPort, "http://localhost:" + keycloakPort + "/realms/msp", env),
                envOr("MSP_PORTAL_HEAP", "128m"), log(PORTAL), false, pid -> writePid(PORTAL, pid));
        process.awaitReady(Duration.ofSeconds(120));
        ready(PORTAL, portalUrl() + " (pid " + process.pid() + ")" + earlier.restartedNote());
    }

    private String portalUrl() {
        return "http://localhost:" + portalPort;
    }

    private void printSummary(String jdbcBase, String bootstrap, KafkaAccess kafkaAccess, Duration took) {
        String realm = "http://localhost:" + keycloakPort + "/realms/msp";
        StringBuilder out = new StringBuilder();
        out.append("\nMSP pipeline platform is ready (").append(took.toSeconds()).append(" s)\n\n");
        if (System.getenv("MSP_NO_PORTAL") == null) {
            out.append(String.format("  %-23s %s   (open it in a browser; sign in as a demo user below)%n%n", "web portal",
                    portalUrl()));
        }
        for (Service service : selectedServices()) {
            out.append(String.format("  %-23s http://localhost:%d/api/v1   OpenAPI: /q/openapi   health: /q/health%n",
                    service.name(), service.port()));
        }
        out.append(String.format("  %-23s %s%n", "keycloak realm", realm));
        out.append(String.format("  %-23s %s (SASL/SCRAM; one user per service, operator: %s)%n", "kafka", bootstrap,
                KafkaAccess.ADMIN));
        out.append(String.format("  %-23s %s{project,partner,esg_review,notification}%n", "postgresql", jdbcBase));
        if (!restarted.isEmpty()) {
            out.append("\nRestarted:\n");
            restarted.forEach(line -> out.append("  ").append(line).append('\n'));
        }
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

                Kafka clients log in: settings per user (e.g. admin, project-service) in %s
                  java -cp "deploy/kafka-dist/target/lib/*" org.apache.kafka.tools.consumer.ConsoleConsumer \\
                    --bootstrap-server %s --consumer.config %s --topic msp.projects --from-beginning

                Logs: %s   Stop: deploy/local/down.sh   (--purge also deletes %s)
                """.formatted(realm, kafkaAccess.clientConfigFile(KafkaAccess.ADMIN).getParent(), bootstrap,
                kafkaAccess.clientConfigFile(KafkaAccess.ADMIN), state.resolve("logs"), state));
        System.out.println(out);
    }

    /**
     * What an earlier run left of a part: the process its PID file names (if any) and whether the
     * part answers now.
     */
    record Earlier(String part, long pid, boolean processRunning, boolean answering) {
        static Earlier nothing(String part) {
            return new Earlier(part, -1, false, false);
        }

        boolean recorded() {
            return pid > 0;
        }

        /** Ready only when it answers and is the process this platform started: down.sh can stop it. */
        boolean ready() {
            return recorded() && processRunning && answering;
        }

        String reason() {
            if (processRunning) {
                return "was not answering (pid " + pid + " still running: stopped it)";
            }
            return answering ? "its process (pid " + pid + ") is gone, though something still answers"
                    : "was not answering (pid " + pid + " gone)";
        }

        String restartedNote() {
            return recorded() && !ready() ? "; " + reason() + ": restarted" : "";
        }
    }

    /**
     * Judges a part by its PID file and by {@code answers}. A process that runs but does not answer
     * gets {@code grace} to start answering (it may be starting or briefly busy); one whose PID file
     * was written before the process started is another program that reused the PID.
     */
    Earlier judge(String part, BooleanSupplier answers, Duration grace) {
        Path pidFile = pidFile(part);
        long pid;
        Instant recordedAt;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
            recordedAt = Files.getLastModifiedTime(pidFile).toInstant();
        } catch (IOException | NumberFormatException e) {
            return Earlier.nothing(part);
        }
        Instant deadline = Instant.now().plus(grace);
        while (true) {
            if (!isRecordedProcess(pid, recordedAt)) {
                // asked once only to say what is left: e.g. a server whose launcher was killed hard
                return new Earlier(part, pid, false, answers.getAsBoolean());
            }
            if (answers.getAsBoolean()) {
                return new Earlier(part, pid, true, true);
            }
            if (Instant.now().isAfter(deadline)) {
                return new Earlier(part, pid, true, false);
            }
            ChildProcess.sleepQuietly(500);
        }
    }

    private static boolean isRecordedProcess(long pid, Instant recordedAt) {
        if (!ChildProcess.isRunning(pid)) {
            return false;
        }
        // the PID file is written right after the process is spawned; a later start is another process
        Optional<Instant> startedAt = ProcessHandle.of(pid).flatMap(h -> h.info().startInstant());
        return startedAt.map(t -> !t.isAfter(recordedAt.plusSeconds(2))).orElse(true);
    }

    /**
     * True when the part from an earlier run is ready (nothing to do). Otherwise clears away what is
     * left of it (its process if it still runs, anything left in its session) so it can start anew.
     */
    boolean reuse(Earlier earlier) {
        String part = earlier.part();
        if (earlier.ready()) {
            ready(part, "already running (pid " + earlier.pid() + "), answering");
            return true;
        }
        if (!earlier.recorded()) {
            return false;
        }
        note(part, earlier.reason() + ": restarting");
        if (earlier.processRunning()) {
            ProcessHandle.of(earlier.pid()).ifPresent(process -> ChildProcess.stop(process, STOP_GRACE));
        }
        ChildProcess.leftoversOfSession(earlier.pid()).forEach(process -> ChildProcess.stop(process, STOP_GRACE));
        try {
            Files.deleteIfExists(pidFile(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restarted.add(String.format("%-23s %s", part, earlier.reason()));
        return false;
    }

    private Path pidFile(String part) {
        return state.resolve("run/" + part + ".pid");
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
        System.out.printf("  ready  %-23s %s%n", part, detail);
    }

    private static synchronized void note(String part, String detail) {
        System.out.printf("  check  %-23s %s%n", part, detail);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(envOr(name, String.valueOf(fallback)));
    }
}
