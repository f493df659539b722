package org.msp.bench;

import org.HdrHistogram.Histogram;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.msp.bench.Bench.log;
import static org.msp.bench.Bench.sleep;
import static org.msp.bench.Figures.histogram;
import static org.msp.bench.Figures.percentiles;
import static org.msp.bench.Figures.round2;
import static org.msp.bench.Figures.round4;

/**
 * Stage 2, the write path: create + submit in a closed loop at each concurrency, right after pgbench
 * single-row inserts at the same client count on the same PostgreSQL server; also the warm-up before it.
 */
final class WritePath {
    final Platform platform;
    final ApiClient client;
    final Settings settings;

    WritePath(Platform platform, ApiClient client, Settings settings) {
        this.platform = platform;
        this.client = client;
        this.settings = settings;
    }

    Map<String, Object> measure() throws Exception {
        String pgbench = findPgbench();
        prepareInsertTable();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int c : settings.concurrencies) {
            Map<String, Object> level = new LinkedHashMap<>();
            // side by side: the baseline right before the platform, on the same server, same concurrency
            Map<String, Object> pg = pgbench == null ? Map.of("error", "pgbench not found")
                    : runPgbench(pgbench, c, Math.max(5, settings.writeSeconds / 2));
            level.put("pgbench", pg);
            Map<String, Object> measured = closedLoopWrites(c);
            // the HTTP side can outrun the services downstream: how long until every consumer caught up
            double caughtUp = platform.awaitQuiet();
            measured.put("pipelineCaughtUpSecondsAfter", caughtUp);
            measured.put("pipelineSustainedOpsPerSecond",
                    round2((Long) measured.get("completedOps") / (settings.writeSeconds + caughtUp)));
            level.put("platform", measured);
            if (pg.get("tps") instanceof Double tps && tps > 0) {
                level.put("ratioProjectsPerSecToPgbenchTps", round4((Double) measured.get("opsPerSecond") / tps));
                level.put("ratioHttpRequestsPerSecToPgbenchTps", round4(2 * (Double) measured.get("opsPerSecond") / tps));
            }
            out.put("c" + c, level);
            log("   c=" + c + ": " + level);
        }
        return out;
    }

    /** Creates and submits proposals at concurrency 4 for a while: every service's code paths get compiled. */
    Map<String, Object> warmUp() throws Exception {
        return closedLoopWrites(4, 0, settings.platformWarmupSeconds);
    }

    Map<String, Object> closedLoopWrites(int concurrency) throws Exception {
        return closedLoopWrites(concurrency, settings.writeWarmupSeconds, settings.writeSeconds);
    }

    Map<String, Object> closedLoopWrites(int concurrency, int warmupSeconds, int seconds) throws Exception {
        String token = client.token("gb-officer");
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
                        String id = client.createProject(token);
                        long t1 = System.nanoTime();
                        client.submit(token, id);
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
        try (Connection c = DriverManager.getConnection(platform.jdbc("bench"), "postgres", "postgres");
             Statement s = c.createStatement()) {
            // a row shaped like a proposal: uuid key, a few texts, a JSON document, a timestamp
            s.execute("CREATE TABLE IF NOT EXISTS bench_insert (id uuid PRIMARY KEY, title varchar(300) NOT NULL,"
                    + " host_country varchar(2) NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
        }
        Files.writeString(platform.work.resolve("insert.sql"), "INSERT INTO bench_insert (id, title, host_country, payload) "
                + "VALUES (gen_random_uuid(), 'Kabwe zinc-lead recycling', 'ZM', "
                + "'{\"minerals\":[\"COPPER\"],\"valueChainStage\":\"RECYCLING\",\"requestedFinancingUsd\":45000000}');\n");
    }

    Map<String, Object> runPgbench(String pgbench, int clients, int seconds) throws Exception {
        List<String> cmd = List.of(pgbench, "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds), "-f",
                platform.work.resolve("insert.sql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(platform.pgPort),
                "-U", "postgres", "bench");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "postgres");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(seconds + 60L, TimeUnit.SECONDS);
        Files.writeString(platform.logs.resolve("pgbench-c" + clients + ".log"), output);
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
}
