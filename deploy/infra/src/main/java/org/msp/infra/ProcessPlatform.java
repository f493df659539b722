package org.msp.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The whole platform as separate processes for a test JVM: PostgreSQL, Kafka and Keycloak (started
 * in parallel), then the four services from their built jars (in parallel). Every port is
 * free-picked, so it never collides with a local run on 8081-8084/9092/8180, and every process is
 * tied to this JVM: it ends when the tests end, even if this JVM is killed.
 *
 * <p>Parts can be stopped, killed and restarted on the same ports and data folders, so the fault
 * suite can take them away under load and check that the platform loses nothing.
 */
public final class ProcessPlatform implements AutoCloseable {
    public static final String PROJECTS = "project-service";
    public static final String PARTNERS = "partner-service";
    public static final String REVIEWS = "esg-review-service";
    public static final String NOTIFICATIONS = "notification-service";
    public static final List<String> SERVICES = List.of(PROJECTS, PARTNERS, REVIEWS, NOTIFICATIONS);
    private static final Map<String, String> DATABASES = Map.of(PROJECTS, "project", PARTNERS, "partner",
            REVIEWS, "esg_review", NOTIFICATIONS, "notification");
    private static final Duration SERVICE_START = Duration.ofSeconds(240);

    private final Path root;
    private final Path work;
    private final Path keycloakZip;
    private final Path logs;
    private final int keycloakPort = Ports.freePort();
    private final int pgPort = Ports.freePort();
    private final int kafkaPort = Ports.freePort();
    private final int kafkaControllerPort = Ports.freePort();
    // concurrent: a second instance of a service is wired in while tests read the others
    private final Map<String, ServiceProcess.Wiring> wirings = new ConcurrentHashMap<>();
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    private volatile ChildProcess postgres;
    private volatile KafkaBroker kafka;
    private KeycloakServer keycloak;

    private ProcessPlatform(Path root, Path work, Path keycloakZip) {
        this.root = root.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath();
        this.keycloakZip = keycloakZip.toAbsolutePath();
        this.logs = this.work.resolve("logs");
    }

    /**
     * Starts everything and waits until every service is ready.
     *
     * @param root        the repository root (the services' modules are found there)
     * @param work        a folder of its own for data and logs; emptied first
     * @param keycloakZip the keycloak-quarkus-dist zip, unpacked once next to itself
     */
    public static ProcessPlatform start(Path root, Path work, Path keycloakZip) {
        ProcessPlatform platform = new ProcessPlatform(root, work, keycloakZip);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The issuer the services validate; tokens are fetched from the same address. */
    public String realmUrl() {
        return "http://localhost:" + keycloakPort + "/realms/msp";
    }

    /** The service's API root, e.g. {@code http://127.0.0.1:PORT/api/v1}. */
    public String url(String service) {
        return "http://127.0.0.1:" + wirings.get(service).httpPort() + "/api/v1";
    }

    /** The service's management interface, where {@code /q/metrics} is (not on the API's port). */
    public String managementUrl(String service) {
        return "http://127.0.0.1:" + wirings.get(service).extraEnv().get("MANAGEMENT_PORT");
    }

    private static Map<String, String> managementPort() {
        return Map.of("MANAGEMENT_PORT", String.valueOf(Ports.freePort()));
    }

    /** The service's own database, for tests that check what a request did or did not write. */
    public String jdbcUrl(String service) {
        return wirings.get(service).jdbcUrl();
    }

    /** Whether the service's readiness check (database and Kafka) says UP right now. */
    public boolean isReady(String service) {
        return HttpProbe.ok("http://127.0.0.1:" + wirings.get(service).httpPort() + "/q/health/ready");
    }

    /** Whether the service's liveness check says UP right now (what a liveness probe would restart it for). */
    public boolean isLive(String service) {
        return HttpProbe.ok("http://127.0.0.1:" + wirings.get(service).httpPort() + "/q/health/live");
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** Kafka client settings of the operator (a super user): bootstrap servers and its SASL/SCRAM login. */
    public Map<String, Object> kafkaClientConfig() {
        return kafka.clientConfig();
    }

    /** Kafka client settings that log in as {@code service}'s own user, held to that service's ACLs. */
    public Map<String, Object> kafkaClientConfig(String service) {
        return kafka.clientConfig(service);
    }

    /** Where to look when a step fails: each part's log. */
    public Path logs() {
        return logs;
    }

    private void startAll() {
        deleteRecursively(work);
        CompletableFuture<ChildProcess> pg = SideBySide.supply("postgres", this::launchPostgres);
        CompletableFuture<KafkaBroker> broker = SideBySide.supply("kafka", this::startKafkaBroker);
        CompletableFuture<KeycloakServer> kc = SideBySide.supply("keycloak", this::startKeycloak);
        postgres = pg.join();
        kafka = broker.join();

        String jdbcBase = "jdbc:postgresql://127.0.0.1:" + pgPort + "/";
        for (String name : SERVICES) {
            wirings.put(name, new ServiceProcess.Wiring(Ports.freePort(), jdbcBase + DATABASES.get(name),
                    "postgres", "postgres", kafkaBootstrapServers(), realmUrl(), extraEnv(name))
                    .withExtraEnv(kafka.serviceEnvironment(name))
                    .withExtraEnv(managementPort()));
        }
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        for (String name : SERVICES) {
            ServiceProcess service = launch(name);
            starting.add(SideBySide.supply(name, () -> service.awaitReady(SERVICE_START)));
        }
        keycloak = kc.join();
        starting.forEach(CompletableFuture::join);
    }

    // --- the web portal: started on demand (only the browser tests need it), wired to the services above

    public static final String PORTAL = "web-portal";
    private volatile ServiceProcess portal;

    /** Starts the portal on a free port, calling the services and signing people in at the realm; returns its URL. */
    public synchronized String startPortal() {
        if (portal == null) {
            Map<String, String> env = new LinkedHashMap<>();
            for (String service : SERVICES) {
                env.put(service.toUpperCase().replace('-', '_') + "_URL",
                        "http://127.0.0.1:" + wirings.get(service).httpPort());
            }
            env.put("PUBLIC_FEED_URL", url(NOTIFICATIONS) + "/feed.atom");
            env.put("PUBLIC_PROJECT_API_URL", url(PROJECTS));
            env.put("PUBLIC_REVIEW_API_URL", url(REVIEWS));
            ServiceProcess.Wiring wiring = ServiceProcess.Wiring.withoutBackends(Ports.freePort(), realmUrl(), env);
            portal = ServiceProcess.start(root.resolve(PORTAL), wiring, "128m", logs.resolve(PORTAL + ".log"), true,
                    pid -> { }).awaitReady(SERVICE_START);
        }
        return portalUrl();
    }

    /** The portal's address, as a browser opens it ({@code localhost}, the host Keycloak redirects back to). */
    public String portalUrl() {
        return "http://localhost:" + portal.port();
    }

    // --- faults: each part can go away and come back on the same port with the same data

    /** Stops the broker with SIGTERM (a clean shutdown) and returns when it is gone. */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the broker again on the same ports and data folder; returns when it serves. */
    public void startKafka() {
        kafka = startKafkaBroker();
    }

    /** Stops PostgreSQL cleanly (every service loses its database) and returns when it is gone. */
    public void stopPostgres() {
        postgres.stop(Duration.ofSeconds(30));
    }

    /** Starts PostgreSQL again on the same port and data folder; returns when it accepts connections. */
    public void startPostgres() {
        postgres = launchPostgres();
    }

    /** SIGKILL: the service gets no chance to finish anything (no shutdown hooks, no commits). */
    public void killService(String name) {
        ProcessHandle handle = ProcessHandle.of(services.get(name).pid()).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().join();
    }

    /** Stops the service (or an instance of it) cleanly: SIGTERM, SIGKILL after a grace period. */
    public void stopService(String name) {
        services.get(name).stop();
    }

    /** Starts the service again on its port, with its database, and waits until it is ready. */
    public void startService(String name) {
        launch(name).awaitReady(SERVICE_START);
    }

    // --- a second instance of a service: another free port, the same database, consumer group and logins

    private static final String SECOND_INSTANCE = "#2";

    /**
     * The name of {@code service}'s second instance, e.g. {@code project-service#2}: it goes wherever a
     * service name does ({@link #url}, {@link #isReady}, {@link #killService}, {@link #startService}).
     */
    public static String secondInstanceOf(String service) {
        return service + SECOND_INSTANCE;
    }

    /** The instances of {@code service} that were started: itself, and its second instance if any. */
    public List<String> instancesOf(String service) {
        return wirings.containsKey(secondInstanceOf(service)) ? List.of(service, secondInstanceOf(service))
                : List.of(service);
    }

    /** Starts a second instance of {@code service} on a free port, wired as the first, and waits until it is ready. */
    public void startSecondInstance(String service) {
        ServiceProcess.Wiring first = wirings.get(service);
        wirings.put(secondInstanceOf(service), new ServiceProcess.Wiring(Ports.freePort(), first.jdbcUrl(),
                first.dbUser(), first.dbPassword(), first.kafkaBootstrapServers(), first.oidcAuthServerUrl(),
                first.extraEnv()).withExtraEnv(managementPort()));
        startService(secondInstanceOf(service));
    }

    /** The module an instance runs from: {@code project-service#2} runs project-service. */
    private static String serviceOf(String instance) {
        return instance.endsWith(SECOND_INSTANCE) ? instance.substring(0, instance.length() - SECOND_INSTANCE.length())
                : instance;
    }

    // --- hard faults of the broker and the database: no shutdown, or no answer

    /** SIGKILL of the broker: no controlled shutdown; it recovers its logs at the next start. */
    public void killKafka() {
        killHard(kafka.pid());
    }

    /**
     * SIGKILL of the postmaster, as in a crash: its launcher exits by itself (see {@link PostgresNode}) and
     * the backends end on their postmaster's death. Returns once all of them are gone, so that
     * {@link #startPostgres} finds no process still attached to the old server.
     */
    public void killPostgres() {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid()).orElseThrow();
        List<ProcessHandle> backends = postmaster.descendants().toList();
        killHard(postmaster.pid());
        ChildProcess launcher = postgres;
        awaitGone("the PostgreSQL launcher", () -> !launcher.isAlive());
        for (ProcessHandle backend : backends) {
            awaitGone("backend " + backend.pid(), () -> !ChildProcess.isRunning(backend.pid()));
        }
    }

    /** The processes {@link #freezePostgres} stopped: the postmaster first. */
    private volatile List<Long> frozen = List.of();

    /**
     * Freezes PostgreSQL (SIGSTOP of the postmaster, then of every backend): connections stay open and new
     * ones are accepted by the kernel, but nothing answers, as with a hung server. {@link #thawPostgres} ends it.
     */
    public void freezePostgres() {
        long postmaster = postmasterPid();
        signal("STOP", List.of(postmaster), true); // first, so that it forks no backend the list below would miss
        List<Long> stopped = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(backend -> stopped.add(backend.pid()));
        frozen = stopped;
        // a backend may have ended on its own since it was listed
        signal("STOP", stopped.subList(1, stopped.size()), false);
    }

    /** SIGCONT of every process {@link #freezePostgres} stopped; nothing when none is frozen. */
    public void thawPostgres() {
        List<Long> stopped = frozen;
        frozen = List.of();
        if (!stopped.isEmpty()) {
            signal("CONT", stopped, false);
            signal("CONT", stopped.subList(0, 1), true); // the postmaster itself must be running again
        }
    }

    private long postmasterPid() {
        return PostgresServer.postmasterPid(work.resolve("postgres"))
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running: no postmaster.pid"));
    }

    private static void killHard(long pid) {
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        handle.destroyForcibly();
        // until every thread of it is gone, its ports stay bound
        awaitGone("process " + pid, () -> !ChildProcess.isRunning(pid));
    }

    private static void awaitGone(String what, java.util.function.BooleanSupplier gone) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (!gone.getAsBoolean()) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not end within 30 s");
            }
            ChildProcess.sleepQuietly(100);
        }
    }

    /** {@code kill -<signal>}; {@code strict}: a process that is gone is an error, not just one that ended meanwhile. */
    private static void signal(String signal, List<Long> pids, boolean strict) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor() != 0 && strict) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + kill.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private ServiceProcess launch(String name) {
        ServiceProcess service = ServiceProcess.start(root.resolve(serviceOf(name)), wirings.get(name), "192m",
                logs.resolve(name + ".log"), true, pid -> { });
        services.put(name, service);
        return service;
    }

    private ChildProcess launchPostgres() {
        return PostgresNode.start(pgPort, work.resolve("postgres"), List.copyOf(DATABASES.values()), List.of(), work,
                logs.resolve("postgresql.log"), true, pid -> { });
    }

    private KafkaBroker startKafkaBroker() {
        return KafkaBroker.startSecured(work.resolve("kafka"), kafkaPort, kafkaControllerPort, true);
    }

    private KeycloakServer startKeycloak() {
        // unpacked once per build folder (Keycloak's one-off build is kept); its database is fresh every run
        Path distribution = KeycloakServer.unpack(keycloakZip, keycloakZip.getParent());
        deleteRecursively(distribution.resolve("data"));
        return KeycloakServer.start(distribution, root.resolve("deploy/keycloak/msp-realm.json"), keycloakPort,
                logs.resolve("keycloak.log"), true, pid -> { });
    }

    /** Settings beyond the common wiring: the notification service must reach the test's loopback webhook. */
    private static Map<String, String> extraEnv(String service) {
        Map<String, String> env = new LinkedHashMap<>(Map.of("DB_POOL_MAX", "5",
                // a busy 2-core CI machine can take longer than the default 5 s to open a connection at start-up
                "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S"));
        if (Boolean.getBoolean("msp.traces")) {
            // every finished span as an OTLP JSON line in the service's log, where a test reads a trace back
            env.put("OTEL_SDK_DISABLED", "false");
            env.put("TRACES_LOG", "true");
        }
        if (service.equals(NOTIFICATIONS)) {
            env.put("WEBHOOK_ALLOW_LOOPBACK", "true");
            env.put("WEBHOOK_INITIAL_BACKOFF", "PT0.2S");
            env.put("WEBHOOK_MAX_BACKOFF", "PT2S");
            env.put("SUBSCRIPTION_RATE_LIMIT", "100");
        }
        if (service.equals(REVIEWS)) {
            // consultation windows a test can wait out: B and C (the e2e story) end in seconds; A stays open for
            // the whole suite, so the matrix, the hostile input and the browser test comment in an open window and
            // no window of theirs closes (a write of the closing check) while the hostile input fingerprints rows
            env.put("CONSULTATION_WINDOW_A", System.getProperty("msp.e2e.consultation-window-a", "PT30M"));
            env.put("CONSULTATION_WINDOW_B", System.getProperty("msp.e2e.consultation-window", "PT20S"));
            env.put("CONSULTATION_WINDOW_C", System.getProperty("msp.e2e.consultation-window", "PT20S"));
            env.put("CONSULTATION_CLOSE_CHECK", "1s");
        }
        return env;
    }

    @Override
    public void close() {
        if (portal != null) {
            portal.stop();
        }
        // services first, so none of them logs errors about a vanished broker or database
        services.values().parallelStream().forEach(ServiceProcess::stop);
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

    /** Removes {@code dir} and everything below it (a state folder of a run); nothing when it is absent. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean " + dir, e);
        }
    }
}
