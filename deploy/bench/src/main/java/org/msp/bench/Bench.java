package org.msp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.msp.infra.ChildProcess;
import org.msp.infra.JavaRuntimes;
import org.msp.infra.KafkaBroker;
import org.msp.infra.KeycloakServer;
import org.msp.infra.Ports;
import org.msp.infra.PostgresNode;
import org.msp.infra.ServiceProcess;
import org.msp.infra.SideBySide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The platform benchmark (issue 9): starts PostgreSQL, Kafka, Keycloak and the four services on free
 * loopback ports (all tied to this JVM), then measures startup, the write path against a pgbench
 * baseline, open-loop pipeline latency to a webhook, notification-service's drain rate against
 * ConsumerPerformance, and a ProducerPerformance baseline. Writes results/latest.json and latest.md.
 * Not a test: it asserts nothing, it reports.
 */
public final class Bench {
    static final String PROJECTS = "project-service";
    static final String PARTNERS = "partner-service";
    static final String REVIEWS = "esg-review-service";
    static final String NOTIFICATIONS = "notification-service";
    static final List<String> SERVICES = List.of(PROJECTS, PARTNERS, REVIEWS, NOTIFICATIONS);
    static final Map<String, String> DATABASES = Map.of(PROJECTS, "project", PARTNERS, "partner",
            REVIEWS, "esg_review", NOTIFICATIONS, "notification");
    static final String SUBMITTED = "org.msp.project.submitted.v1";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    final Path root = Path.of(System.getProperty("msp.root", ".")).toAbsolutePath().normalize();
    final Path benchDir = root.resolve("deploy/bench");
    final Path work = benchDir.resolve("target/work");
    final Path logs = work.resolve("logs");
    final Path kafkaLibs = root.resolve("deploy/kafka-dist/target/lib");
    final int pgPort = Ports.freePort();
    final int keycloakPort = Ports.freePort();
    final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    final Map<String, ServiceProcess.Wiring> wirings = new ConcurrentHashMap<>();
    final Map<String, Object> results = new LinkedHashMap<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    ChildProcess postgres;
    KafkaBroker kafka;
    KeycloakServer keycloak;

    // knobs (system properties), chosen so that run.sh stays well under 12 minutes on 2 cores
    final int writeSeconds = Integer.getInteger("bench.write.seconds", 15);
    final int writeWarmupSeconds = Integer.getInteger("bench.write.warmup", 3);
    /** The whole pipeline runs this long before anything is measured, so JIT compilation is behind us. */
    final int platformWarmupSeconds = Integer.getInteger("bench.warmup.seconds", 30);
    final List<Integer> concurrencies = parseInts(System.getProperty("bench.write.concurrency", "1,8,32"));
    final List<Integer> rates = parseInts(System.getProperty("bench.pipeline.rates", "10,20,30,50"));
    final int rateSeconds = Integer.getInteger("bench.pipeline.seconds", 20);
    final int backlog = Integer.getInteger("bench.backlog.events", 100_000);
    final int producerRecords = Integer.getInteger("bench.producer.records", 200_000);

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        AtomicBoolean closed = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (closed.compareAndSet(false, true)) {
                bench.stopAll();
            }
        }, "bench-stop"));
        long started = System.nanoTime();
        try {
            bench.run();
        } finally {
            if (closed.compareAndSet(false, true)) {
                bench.stopAll();
            }
            bench.results.put("totalRunSeconds", round1((System.nanoTime() - started) / 1e9));
            bench.write();
        }
        // CompletableFuture on 2 cores runs each task on a new non-daemon thread: do not wait for leftovers
        System.exit(bench.results.values().stream().anyMatch(v -> v instanceof Map<?, ?> m && m.containsKey("error")) ? 1 : 0);
    }

    void run() {
        results.put("machine", machine());
        results.put("startedAt", Instant.now().toString());
        results.put("settings", Map.of("writeSeconds", writeSeconds, "writeWarmupSeconds", writeWarmupSeconds,
                "concurrencies", concurrencies, "platformWarmupSeconds", platformWarmupSeconds, "pipelineRates", rates, "pipelineSeconds", rateSeconds,
                "backlogEvents", backlog, "producerRecords", producerRecords));
        stage("startup", this::startup);
        if (!results.containsKey("startup") || ((Map<?, ?>) results.get("startup")).containsKey("error")) {
            return; // nothing else can be measured without the platform
        }
        stage("startupAlone", this::restartEachAlone);
        stage("warmUp", this::warmUp);
        results.put("quietAfterWarmUpSeconds", awaitQuiet());
        stage("writePath", this::writePath);
        results.put("quietBeforePipelineSeconds", awaitQuiet());
        stage("pipelineLatency", this::pipelineLatency);
        results.put("quietBeforeBacklogSeconds", awaitQuiet());
        stage("eventThroughput", this::eventThroughput);
        stage("kafkaProducerPerformance", this::producerPerformance);
        results.put("loadAverageAtEnd", loadAverage());
    }

    interface Stage {
        Map<String, Object> run() throws Exception;
    }

    void stage(String name, Stage stage) {
        log("== " + name);
        long t0 = System.nanoTime();
        Map<String, Object> out;
        try {
            out = stage.run();
        } catch (Exception | Error e) {
            out = new LinkedHashMap<>();
            out.put("error", String.valueOf(e));
            log("!! " + name + " failed: " + e);
            e.printStackTrace();
        }
        out.put("stageSeconds", round1((System.nanoTime() - t0) / 1e9));
        results.put(name, out);
        log("   " + name + " -> " + out);
    }

    // ---------------------------------------------------------------- 1. startup

    Map<String, Object> startup() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(logs);
        long t0 = System.nanoTime();
        List<String> databases = new ArrayList<>(DATABASES.values());
        databases.add("bench");
        Map<String, Object> out = new LinkedHashMap<>();
        CompletableFuture<ChildProcess> pg = SideBySide.supply("postgres", () -> {
            ChildProcess p = PostgresNode.start(pgPort, work.resolve("postgres"), databases,
                    List.of("-Djava.io.tmpdir=" + mkdirs(work.resolve("tmp"))), work, logs.resolve("postgresql.log"),
                    true, pid -> { });
            out.put("postgresqlReadySeconds", secondsSince(t0));
            return p;
        });
        CompletableFuture<KafkaBroker> broker = SideBySide.supply("kafka", () -> {
            KafkaBroker k = KafkaBroker.start(work.resolve("kafka"), Ports.freePort(), Ports.freePort(), true);
            out.put("kafkaReadySeconds", secondsSince(t0));
            return k;
        });
        CompletableFuture<KeycloakServer> kc = SideBySide.supply("keycloak", () -> {
            KeycloakServer k = startKeycloak();
            out.put("keycloakReadySeconds", secondsSince(t0));
            return k;
        });
        postgres = pg.join();
        kafka = broker.join();
        String jdbcBase = "jdbc:postgresql://127.0.0.1:" + pgPort + "/";
        Map<String, Object> perService = new LinkedHashMap<>();
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (String name : SERVICES) {
            ServiceProcess.Wiring wiring = new ServiceProcess.Wiring(Ports.freePort(), jdbcBase + DATABASES.get(name),
                    "postgres", "postgres", kafka.bootstrapServers(), realmUrl(), extraEnv(name));
            wirings.put(name, wiring);
            long spawned = System.nanoTime();
            ServiceProcess service = startService(name, wiring, name + ".log");
            starting.add(SideBySide.run(name, () -> {
                service.awaitReady(Duration.ofSeconds(240));
                perService.put(name, round2((System.nanoTime() - spawned) / 1e9));
            }));
        }
        keycloak = kc.join();
        starting.forEach(CompletableFuture::join);
        out.put("platformReadySeconds", secondsSince(t0));
        out.put("serviceReadySecondsInParallel", perService);
        Thread.sleep(5000);
        Map<String, Object> rss = new LinkedHashMap<>();
        for (String name : SERVICES) {
            rss.put(name, rssMb(services.get(name).pid()));
        }
        out.put("serviceIdleRssMbAfterParallelStart", rss);
        out.put("infraRssMb", Map.of("postgresql", treeRssMb(postgres.pid()), "kafka", treeRssMb(kafka.pid()),
                "keycloak", treeRssMb(keycloak.pid())));
        return out;
    }

    /** Each service stopped and started again while the rest stays up: its time to ready and idle RSS alone. */
    Map<String, Object> restartEachAlone() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : SERVICES) {
            services.get(name).stop();
            long spawned = System.nanoTime();
            ServiceProcess service = startService(name, wirings.get(name), name + "-alone.log");
            service.awaitReady(Duration.ofSeconds(180));
            double ready = round2((System.nanoTime() - spawned) / 1e9);
            Thread.sleep(4000);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("readySeconds", ready);
            one.put("quarkusStartedInSeconds", quarkusStartedIn(service.log()));
            one.put("idleRssMb", rssMb(service.pid()));
            out.put(name, one);
            log("   " + name + " alone: " + one);
        }
        return out;
    }

    ServiceProcess startService(String name, ServiceProcess.Wiring wiring, String logName) {
        ServiceProcess service = ServiceProcess.start(root.resolve(name), wiring,
                System.getProperty("bench.service.heap", "192m"), logs.resolve(logName), true, pid -> { });
        services.put(name, service);
        return service;
    }

    KeycloakServer startKeycloak() {
        Path zip = Path.of(System.getProperty("msp.keycloak.zip"));
        Path distribution = KeycloakServer.unpack(zip, mkdirs(benchDir.resolve("target/keycloak")));
        deleteRecursively(distribution.resolve("data"));
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

    // ---------------------------------------------------------------- 2. write path vs pgbench

    Map<String, Object> writePath() throws Exception {
        String pgbench = findPgbench();
        prepareInsertTable();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int c : concurrencies) {
            Map<String, Object> level = new LinkedHashMap<>();
            // side by side: the baseline right before the platform, on the same server, same concurrency
            Map<String, Object> pg = pgbench == null ? Map.of("error", "pgbench not found")
                    : runPgbench(pgbench, c, Math.max(5, writeSeconds / 2));
            level.put("pgbench", pg);
            Map<String, Object> platform = closedLoopWrites(c);
            // the HTTP side can outrun the services downstream: how long until every consumer caught up
            double caughtUp = awaitQuiet();
            platform.put("pipelineCaughtUpSecondsAfter", caughtUp);
            platform.put("pipelineSustainedOpsPerSecond",
                    round2((Long) platform.get("completedOps") / (writeSeconds + caughtUp)));
            level.put("platform", platform);
            if (pg.get("tps") instanceof Double tps && tps > 0) {
                level.put("ratioProjectsPerSecToPgbenchTps", round4((Double) platform.get("opsPerSecond") / tps));
                level.put("ratioHttpRequestsPerSecToPgbenchTps", round4(2 * (Double) platform.get("opsPerSecond") / tps));
            }
            out.put("c" + c, level);
            log("   c=" + c + ": " + level);
        }
        return out;
    }

    /** Creates and submits proposals at concurrency 4 for a while: every service's code paths get compiled. */
    Map<String, Object> warmUp() throws Exception {
        return closedLoopWrites(4, 0, platformWarmupSeconds);
    }

    Map<String, Object> closedLoopWrites(int concurrency) throws Exception {
        return closedLoopWrites(concurrency, writeWarmupSeconds, writeSeconds);
    }

    Map<String, Object> closedLoopWrites(int concurrency, int warmupSeconds, int seconds) throws Exception {
        String token = token("gb-officer");
        Histogram ops = histogram();
        Histogram creates = histogram();
        Histogram submits = histogram();
        AtomicLong errors = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        String firstError = null;
        List<CompletableFuture<String>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(CompletableFuture.supplyAsync(() -> {
                String error = null;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        String id = createProject(token);
                        long t1 = System.nanoTime();
                        submit(token, id);
                        long t2 = System.nanoTime();
                        if (t0 >= warmupEnd && t2 <= end) {
                            creates.recordValue((t1 - t0) / 1000);
                            submits.recordValue((t2 - t1) / 1000);
                            ops.recordValue((t2 - t0) / 1000);
                            done.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        error = String.valueOf(e);
                        sleep(50);
                    }
                }
                return error;
            }, pool));
        }
        for (CompletableFuture<String> w : workers) {
            String e = w.join();
            firstError = firstError == null ? e : firstError;
        }
        pool.shutdown();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("concurrency", concurrency);
        out.put("completedOps", done.get());
        out.put("errors", errors.get());
        if (firstError != null) {
            out.put("firstError", firstError);
        }
        out.put("opsPerSecond", round2(done.get() / (double) seconds));
        out.put("opLatencyMs", percentiles(ops));
        out.put("createLatencyMs", percentiles(creates));
        out.put("submitLatencyMs", percentiles(submits));
        return out;
    }

    String findPgbench() {
        for (String candidate : List.of(System.getenv().getOrDefault("PGBENCH", ""), "/usr/bin/pgbench",
                "/usr/lib/postgresql/17/bin/pgbench", "/usr/lib/postgresql/16/bin/pgbench",
                "/usr/lib/postgresql/15/bin/pgbench", "/usr/lib/postgresql/14/bin/pgbench")) {
            if (!candidate.isBlank() && Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    void prepareInsertTable() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc("bench"), "postgres", "postgres");
             Statement s = c.createStatement()) {
            // a row shaped like a proposal: uuid key, a few texts, a JSON document, a timestamp
            s.execute("CREATE TABLE IF NOT EXISTS bench_insert (id uuid PRIMARY KEY, title varchar(300) NOT NULL,"
                    + " host_country varchar(2) NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
        }
        Files.writeString(work.resolve("insert.sql"), "INSERT INTO bench_insert (id, title, host_country, payload) "
                + "VALUES (gen_random_uuid(), 'Kabwe zinc-lead recycling', 'ZM', "
                + "'{\"minerals\":[\"COPPER\"],\"valueChainStage\":\"RECYCLING\",\"requestedFinancingUsd\":45000000}');\n");
    }

    Map<String, Object> runPgbench(String pgbench, int clients, int seconds) throws Exception {
        List<String> cmd = List.of(pgbench, "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds), "-f",
                work.resolve("insert.sql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(pgPort),
                "-U", "postgres", "bench");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "postgres");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(seconds + 60L, TimeUnit.SECONDS);
        Files.writeString(logs.resolve("pgbench-c" + clients + ".log"), output);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clients", clients);
        out.put("seconds", seconds);
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
        Matcher lat = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
        out.put("tps", tps.find() ? round2(Double.parseDouble(tps.group(1))) : null);
        out.put("latencyAvgMs", lat.find() ? Double.parseDouble(lat.group(1)) : null);
        if (out.get("tps") == null) {
            out.put("error", output.lines().reduce((a, b) -> b).orElse("no output"));
        }
        return out;
    }

    // ---------------------------------------------------------------- 3. pipeline latency (open loop)

    Map<String, Object> pipelineLatency() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Webhook webhook = new Webhook()) {
            JsonNode subscription = postJson(api(NOTIFICATIONS) + "/subscriptions", null,
                    "{\"channel\":\"WEBHOOK\",\"target\":\"" + webhook.url() + "\",\"filter\":{\"eventTypes\":[\""
                            + SUBMITTED + "\"]}}", 201);
            String subscriptionId = subscription.get("id").asText();
            String secret = subscription.get("secret").asText();
            try {
                String token = token("gb-officer");
                // warm-up: one submission end to end, so the first measured one does not pay for lazy starts
                String warm = createProject(token);
                submit(token, warm);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!webhook.arrivals.containsKey(warm) && System.nanoTime() < deadline) {
                    sleep(50);
                }
                out.put("warmupDelivered", webhook.arrivals.containsKey(warm));
                Integer highestHeld = null;
                for (int rate : rates) {
                    Map<String, Object> r = openLoop(rate, token, webhook);
                    out.put("r" + rate, r);
                    log("   rate " + rate + "/s: " + r);
                    Object p99 = ((Map<?, ?>) r.get("submit2xxToWebhookMs")).get("p99");
                    if (p99 instanceof Double ms && ms <= 500 && ((Number) r.get("webhooksMissingAfter60s")).longValue() == 0
                            && (highestHeld == null || rate > highestHeld)) {
                        highestHeld = rate;
                    }
                    // each rate starts from an empty pipeline, not from the queue a saturated rate left
                    r.put("quietAfterSeconds", awaitQuiet());
                }
                out.put("highestRateHoldingP99Under500Ms", highestHeld == null ? "none of " + rates : highestHeld);
            } finally {
                HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(
                                URI.create(api(NOTIFICATIONS) + "/subscriptions/" + subscriptionId))
                        .header("Authorization", "Bearer " + secret).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                out.put("subscriptionDeleted", deleted.statusCode() == 204);
            }
        }
        return out;
    }

    record Sent(long intended, long submitted, String projectId) {
    }

    Map<String, Object> openLoop(int rate, String token, Webhook webhook) throws Exception {
        int count = rate * rateSeconds;
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(200, Math.max(16, rate * 2)));
        List<Sent> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < count; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            tasks.add(CompletableFuture.runAsync(() -> {
                try {
                    String id = createProject(token);
                    submit(token, id);
                    sent.add(new Sent(intended, System.nanoTime(), id));
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }, pool));
        }
        long lastScheduled = System.nanoTime();
        CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        pool.shutdown();
        long submitsDone = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && sent.stream().anyMatch(s -> !webhook.arrivals.containsKey(s.projectId()))) {
            sleep(100);
        }
        Histogram fromSubmit = histogram();
        Histogram fromIntended = histogram();
        long missing = 0;
        for (Sent s : sent) {
            Long arrived = webhook.arrivals.get(s.projectId());
            if (arrived == null) {
                missing++;
                continue;
            }
            fromSubmit.recordValue(Math.max(0, arrived - s.submitted()) / 1000);
            fromIntended.recordValue(Math.max(0, arrived - s.intended()) / 1000);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("targetRatePerSecond", rate);
        out.put("scheduled", count);
        out.put("submitted", sent.size());
        out.put("errors", errors.get());
        out.put("webhooksMissingAfter60s", missing);
        out.put("achievedSubmitRatePerSecond", round2(sent.size() / ((submitsDone - start) / 1e9)));
        out.put("schedulerLagMs", round1((lastScheduled - (start + (count - 1) * period)) / 1e6));
        out.put("submit2xxToWebhookMs", percentiles(fromSubmit));
        out.put("intendedStartToWebhookMs", percentiles(fromIntended));
        return out;
    }

    /** The webhook subscriber: a loopback HTTP server that notes when each project's submitted event arrives. */
    static final class Webhook implements AutoCloseable {
        final HttpServer server;
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final ExecutorService executor = Executors.newFixedThreadPool(4);

        Webhook() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            server.createContext("/msp-webhook", this::accept);
            server.setExecutor(executor);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/msp-webhook";
        }

        void accept(HttpExchange exchange) throws IOException {
            try (exchange) {
                long now = System.nanoTime();
                byte[] body = exchange.getRequestBody().readAllBytes();
                try {
                    JsonNode event = JSON.readTree(body);
                    if (SUBMITTED.equals(event.path("type").asText())) {
                        arrivals.putIfAbsent(event.path("subject").asText(), now);
                    }
                } catch (IOException ignored) {
                    // not JSON: not ours to measure
                }
                exchange.sendResponseHeaders(204, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- 4. event throughput

    Map<String, Object> eventThroughput() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        // only notification-service may consume the backlog: the others would turn 20,000 submitted
        // events into reviews and yet more events, which is not what this stage measures
        for (String name : List.of(PROJECTS, PARTNERS, REVIEWS, NOTIFICATIONS)) {
            services.get(name).stop();
        }
        long before = timelineCount();
        out.put("timelineEntriesBefore", before);
        String topic = "msp.projects";
        long t0 = System.nanoTime();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long bytes = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            String[] countries = {"ZM", "CD", "NA", "MN", "BR", "AR", "MZ", "TZ"};
            String[] partners = {"GB", "US", "EU", "JP", "AU", "CA"};
            for (int i = 0; i < backlog; i++) {
                String id = UUID.randomUUID().toString();
                String data = "{\"projectId\":\"" + id + "\",\"title\":\"Backlog project " + i + "\",\"status\":\"SUBMITTED\","
                        + "\"hostCountry\":\"" + countries[i % countries.length] + "\",\"submittingPartner\":\""
                        + partners[i % partners.length] + "\",\"minerals\":[\"COBALT\",\"COPPER\"],\"valueChainStage\":\"PROCESSING\","
                        + "\"summary\":\"Synthetic backlog event of the benchmark\",\"sponsor\":\"Bench Mining\","
                        + "\"requestedFinancingUsd\":25000000,\"disclosure\":{\"feasibilityStudyPublic\":true,"
                        + "\"agreementPublic\":false,\"communityConsultationHeld\":true},\"actor\":\"bench\"}";
                String event = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/msp/project-service\","
                        + "\"type\":\"" + SUBMITTED + "\",\"subject\":\"" + id + "\",\"time\":\""
                        + OffsetDateTime.now(ZoneOffset.UTC) + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
                bytes += event.length();
                producer.send(new ProducerRecord<>(topic, id, event));
            }
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - t0) / 1e9;
        out.put("backlogEvents", backlog);
        out.put("avgEventBytes", bytes / backlog);
        out.put("produceSeconds", round2(produceSeconds));
        out.put("produceRatePerSecond", round1(backlog / produceSeconds));

        // baseline: ConsumerPerformance reads the whole topic (the backlog and what the earlier stages put there)
        long total = topicRecords(topic);
        out.put("topicRecords", total);
        Map<String, Object> perf = consumerPerformance(topic, total);
        out.put("consumerPerformance", perf);

        // notification-service starts with the backlog waiting; drain = first new timeline row to the last
        long spawned = System.nanoTime();
        ServiceProcess service = startService(NOTIFICATIONS, wirings.get(NOTIFICATIONS), "notification-service-drain.log");
        CompletableFuture<Double> ready = SideBySide.supply("drain", () -> {
            service.awaitReady(Duration.ofSeconds(180));
            return round2((System.nanoTime() - spawned) / 1e9);
        });
        long target = before + backlog;
        long firstAt = 0;
        long firstCount = 0;
        long count = before;
        long deadline = spawned + TimeUnit.SECONDS.toNanos(Integer.getInteger("bench.backlog.maxSeconds", 240));
        while (System.nanoTime() < deadline) {
            try {
                count = timelineCount();
            } catch (Exception notYet) {
                count = before;
            }
            if (firstAt == 0 && count > before) {
                firstAt = System.nanoTime();
                firstCount = count;
            }
            if (count >= target) {
                break;
            }
            sleep(100);
        }
        long doneAt = System.nanoTime();
        out.put("notificationReadySeconds", ready.get(180, TimeUnit.SECONDS));
        out.put("drained", count - before);
        out.put("drainComplete", count >= target);
        out.put("secondsFromSpawnToDrained", round2((doneAt - spawned) / 1e9));
        if (firstAt > 0 && doneAt > firstAt) {
            double rate = (count - firstCount) / ((doneAt - firstAt) / 1e9);
            out.put("drainSeconds", round2((doneAt - firstAt) / 1e9));
            out.put("drainRatePerSecond", round1(rate));
            if (perf.get("fetchRecordsPerSecond") instanceof Double fetch && fetch > 0) {
                out.put("ratioToConsumerPerformanceFetchRate", round4(rate / fetch));
            }
            if (perf.get("recordsPerSecond") instanceof Double all && all > 0) {
                out.put("ratioToConsumerPerformanceRate", round4(rate / all));
            }
        }
        return out;
    }

    /**
     * Waits (at most 150 s) until every consumer group has caught up with its topics, so that one stage's
     * events (each submission fans out into reviews, status changes and timeline rows) do not load the next.
     */
    double awaitQuiet() {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(150);
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
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

    long timelineCount() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc("notification"), "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM timeline_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long topicRecords(String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (var admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new LinkedHashMap<>();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> earliest = new LinkedHashMap<>();
            for (var p : partitions) {
                var tp = new org.apache.kafka.common.TopicPartition(topic, p.partition());
                latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest());
                earliest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.earliest());
            }
            long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
            long begin = admin.listOffsets(earliest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
            return end - begin;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the offsets of " + topic, e);
        }
    }

    Map<String, Object> consumerPerformance(String topic, long messages) throws Exception {
        List<String> cmd = kafkaTool("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
                kafka.bootstrapServers(), "--topic", topic, "--messages", String.valueOf(messages), "--group",
                "bench-consumer-perf-" + UUID.randomUUID(), "--timeout", "60000");
        String output = runTool(cmd, "consumer-performance.log", 180);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("messages", messages);
        // header: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
        //         rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
        for (String line : output.lines().toList()) {
            String[] f = line.split(",\\s*");
            if (f.length >= 10 && f[0].matches("\\d{4}-.*")) {
                out.put("recordsConsumed", Long.parseLong(f[4].trim()));
                out.put("recordsPerSecond", round1(Double.parseDouble(f[5].trim())));
                out.put("rebalanceMs", Long.parseLong(f[6].trim()));
                out.put("fetchMs", Long.parseLong(f[7].trim()));
                out.put("fetchRecordsPerSecond", round1(Double.parseDouble(f[9].trim())));
                out.put("mbPerSecond", round2(Double.parseDouble(f[3].trim())));
            }
        }
        if (!out.containsKey("recordsPerSecond")) {
            out.put("error", output.lines().reduce((a, b) -> b).orElse("no output"));
        }
        return out;
    }

    // ---------------------------------------------------------------- 5. Kafka ProducerPerformance

    Map<String, Object> producerPerformance() throws Exception {
        List<String> cmd = kafkaTool("org.apache.kafka.tools.ProducerPerformance", "--topic", "bench.producer-perf",
                "--num-records", String.valueOf(producerRecords), "--record-size", "1024", "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + kafka.bootstrapServers(), "acks=all");
        String output = runTool(cmd, "producer-performance.log", 240);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("records", producerRecords);
        out.put("recordBytes", 1024);
        out.put("acks", "all");
        out.put("partitions", 3);
        Matcher m = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\), ([0-9.]+) ms avg latency, "
                + "([0-9.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th").matcher(output);
        if (m.find()) {
            out.put("recordsPerSecond", round1(Double.parseDouble(m.group(2))));
            out.put("mbPerSecond", Double.parseDouble(m.group(3)));
            out.put("avgLatencyMs", Double.parseDouble(m.group(4)));
            out.put("maxLatencyMs", Double.parseDouble(m.group(5)));
            out.put("p50Ms", Long.parseLong(m.group(6)));
            out.put("p95Ms", Long.parseLong(m.group(7)));
            out.put("p99Ms", Long.parseLong(m.group(8)));
        } else {
            out.put("error", output.lines().reduce((a, b) -> b).orElse("no output"));
        }
        return out;
    }

    List<String> kafkaTool(String main, String... args) throws IOException {
        Path log4j = work.resolve("tools-log4j2.properties");
        Files.writeString(log4j, "rootLogger.level = WARN\nrootLogger.appenderRef.stdout.ref = STDERR\n"
                + "appender.stderr.type = Console\nappender.stderr.name = STDERR\nappender.stderr.target = SYSTEM_ERR\n"
                + "appender.stderr.layout.type = PatternLayout\nappender.stderr.layout.pattern = [%d] %p %m (%c)%n\n");
        List<String> cmd = new ArrayList<>(List.of(JavaRuntimes.currentJava(), "-Xmx512m",
                "-Dlog4j2.configurationFile=" + log4j.toUri(), "-cp", kafkaLibs.toAbsolutePath() + "/*", main));
        cmd.addAll(List.of(args));
        return cmd;
    }

    String runTool(List<String> cmd, String logName, int timeoutSeconds) throws Exception {
        Path log = logs.resolve(logName);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(logName + ": no result within " + timeoutSeconds + " s");
        }
        return Files.readString(log);
    }

    // ---------------------------------------------------------------- HTTP helpers

    static final String PROJECT_BODY = "{\"title\":\"%s\",\"summary\":\"Cobalt and copper from legacy tailings\","
            + "\"hostCountry\":\"ZM\",\"minerals\":[\"COBALT\",\"COPPER\"],\"valueChainStage\":\"PROCESSING\","
            + "\"sponsor\":\"Copperbelt Metals\",\"requestedFinancingUsd\":45000000,\"disclosure\":"
            + "{\"feasibilityStudyPublic\":true,\"agreementPublic\":false,\"communityConsultationHeld\":true}}";
    static final AtomicLong SEQ = new AtomicLong();

    String createProject(String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api(PROJECTS) + "/projects"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PROJECT_BODY.formatted("Bench project " + SEQ.incrementAndGet())))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("create answered " + r.statusCode() + ": " + r.body());
        }
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no id in " + r.body());
        }
        return m.group(1);
    }

    void submit(String token, String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api(PROJECTS) + "/projects/" + id + "/submit"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("submit answered " + r.statusCode() + ": " + r.body());
        }
    }

    JsonNode postJson(String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** A real access token: the password grant on the public client msp-cli (password = user + "-pw"). */
    String token(String user) throws Exception {
        String form = "client_id=msp-cli&grant_type=password&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user + "-pw", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + keycloakPort + "/realms/msp/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token for " + user + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    String jdbc(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    // ---------------------------------------------------------------- measurement helpers

    static Histogram histogram() {
        return new org.HdrHistogram.ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    /** Percentiles in milliseconds from a histogram of microseconds. */
    static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", h.getTotalCount());
        if (h.getTotalCount() == 0) {
            return out;
        }
        out.put("p50", round2(h.getValueAtPercentile(50) / 1000.0));
        out.put("p95", round2(h.getValueAtPercentile(95) / 1000.0));
        out.put("p99", round2(h.getValueAtPercentile(99) / 1000.0));
        out.put("max", round2(h.getMaxValue() / 1000.0));
        out.put("mean", round2(h.getMean() / 1000.0));
        return out;
    }

    static Double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return round1(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return null;
    }

    /** RSS of a process and all its descendants (PostgreSQL's backends, Keycloak's JVM under kc.sh). */
    static Double treeRssMb(long pid) {
        return ProcessHandle.of(pid).map(h -> {
            double sum = 0;
            for (ProcessHandle p : Stream.concat(Stream.of(h), h.descendants()).toList()) {
                Double r = rssMb(p.pid());
                sum += r == null ? 0 : r;
            }
            return round1(sum);
        }).orElse(null);
    }

    static Double quarkusStartedIn(Path log) {
        try {
            Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            return m.find() ? Double.parseDouble(m.group(1)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.put("memoryGiB", round1(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0));
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
                    break;
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        m.put("gitCommit", System.getProperty("bench.git.commit", "unknown"));
        m.put("gitDirty", System.getProperty("bench.git.dirty", "unknown"));
        m.put("loadAverageAtStart", loadAverage());
        m.put("note", "shared machine: other builds may run at the same time; compare ratios measured in the same run");
        return m;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
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

    void write() throws IOException {
        Path dir = mkdirs(benchDir.resolve("results"));
        Files.writeString(dir.resolve("latest.json"), JSON.writeValueAsString(results) + "\n");
        Files.writeString(dir.resolve("latest.md"), Report.markdown(results));
        log("results: " + dir.resolve("latest.md") + " and latest.json");
    }

    // ---------------------------------------------------------------- small utilities

    static List<Integer> parseInts(String csv) {
        return Stream.of(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    static double secondsSince(long t0) {
        return round2((System.nanoTime() - t0) / 1e9);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void log(String line) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + line);
        System.out.flush();
    }

    static void deleteRecursively(Path dir) {
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
