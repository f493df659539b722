package org.msp.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.msp.bench.Figures.round1;

/**
 * Document upload throughput (issue 18): {@code bench.documents.count} (32) documents of
 * {@code bench.documents.mb} (10) MB, {@code bench.documents.concurrency} (4) at a time, through
 * project-service's multipart endpoint (Tika detection, chunked storage, hashing, history, outbox), against
 * the baseline of the same bytes inserted by plain JDBC into a bytea table of the same PostgreSQL server, in
 * ABA order (baseline, platform, baseline). project-service's RSS is sampled during its run: the chunked
 * store must keep it flat however large the files.
 */
final class DocumentUploads {
    private final Platform platform;
    private final ApiClient client;
    private final int count = Integer.getInteger("bench.documents.count", 32);
    private final int megabytes = Integer.getInteger("bench.documents.mb", 10);
    private final int concurrency = Integer.getInteger("bench.documents.concurrency", 4);

    DocumentUploads(Platform platform, ApiClient client) {
        this.platform = platform;
        this.client = client;
    }

    Map<String, Object> measure() throws Exception {
        byte[] document = pdfOf(megabytes * 1_000_000);
        String token = client.token("gb-officer");
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            String id = client.createProject(token);
            client.submit(token, id);
            projects.add(id);
        }
        String boundary = "msp-bench-" + Long.toHexString(new Random().nextLong());
        byte[] body = multipart(boundary, document);
        try (Connection c = DriverManager.getConnection(platform.jdbc("project"), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_blob (id BIGSERIAL PRIMARY KEY, bytes BYTEA NOT NULL)");
            s.execute("ALTER TABLE bench_blob ALTER COLUMN bytes SET STORAGE EXTERNAL");
        }
        // warm-up: the JIT, Tika's detectors, the pools
        run(concurrency, i -> upload(projects.get(i % concurrency), token, boundary, body));
        Double idleRss = Machine.rssMb(platform.services.get(Platform.PROJECTS).pid());

        double before = run(count, i -> jdbcInsert(document));
        long[] peakKb = {0};
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                Double mb = Machine.rssMb(platform.services.get(Platform.PROJECTS).pid());
                if (mb != null) {
                    peakKb[0] = Math.max(peakKb[0], (long) (mb * 1024));
                }
                Bench.sleep(50);
            }
        }, "rss-sampler");
        sampler.start();
        double platformSeconds = run(count, i -> upload(projects.get(i % concurrency), token, boundary, body));
        sampling.set(false);
        sampler.join();
        double after = run(count, i -> jdbcInsert(document));

        double totalMb = (double) count * document.length / 1e6;
        double baselineMbps = totalMb / ((before + after) / 2);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("documents", count);
        out.put("documentMb", document.length / 1e6);
        out.put("concurrency", concurrency);
        out.put("platformMbPerSecond", round1(totalMb / platformSeconds));
        out.put("jdbcBaselineMbPerSecond", round1(baselineMbps));
        out.put("jdbcBaselineSpreadMbPerSecond", List.of(round1(totalMb / before), round1(totalMb / after)));
        out.put("ratioToBaseline", Math.round(totalMb / platformSeconds / baselineMbps * 100) / 100.0);
        out.put("projectServiceIdleRssMb", idleRss);
        out.put("projectServicePeakRssMb", round1(peakKb[0] / 1024.0));
        try (Connection c = DriverManager.getConnection(platform.jdbc("project"), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_blob");
        }
        return out;
    }

    interface Work {
        void run(int i) throws Exception;
    }

    /** Seconds for {@code n} tasks, {@code concurrency} at a time. */
    private double run(int n, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            done.add(pool.submit(() -> {
                work.run(index);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - t0) / 1e9;
    }

    private void upload(String project, String token, String boundary, byte[] body) throws Exception {
        HttpResponse<String> r = client.http.send(HttpRequest.newBuilder(URI.create(platform.api(Platform.PROJECTS)
                        + "/projects/" + project + "/documents")).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** The baseline: one INSERT of the whole file, in its own (durable) transaction, as a plain client does. */
    private void jdbcInsert(byte[] document) throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbc("project"), "postgres", "postgres");
             PreparedStatement insert = c.prepareStatement("INSERT INTO bench_blob (bytes) VALUES (?)")) {
            insert.setBytes(1, document);
            insert.executeUpdate();
        }
    }

    /** Random bytes behind a PDF header: incompressible, like a scanned study, and detected as a PDF. */
    private static byte[] pdfOf(int size) {
        byte[] bytes = new byte[size];
        new Random(18).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static byte[] multipart(String boundary, byte[] document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"study.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(document);
        for (String[] field : List.of(new String[] {"documentType", "feasibilityStudy"},
                new String[] {"title", "Bench feasibility study"}, new String[] {"language", "en"})) {
            out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1]).getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
