package org.msp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.msp.bench.Figures.round1;

/**
 * The platform benchmark (issue 9): starts PostgreSQL, Kafka, Keycloak and the four services on free
 * loopback ports (all tied to this JVM), then measures startup, the write path against a pgbench
 * baseline, open-loop pipeline latency to a webhook, notification-service's drain rate against
 * ConsumerPerformance, and a ProducerPerformance baseline. Writes results/latest.json and latest.md.
 * Not a test: it asserts nothing, it reports.
 */
public final class Bench {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    final Platform platform = new Platform();
    final Settings settings = new Settings();
    final ApiClient client = new ApiClient(platform);
    final Startup startup = new Startup(platform);
    final WritePath writePath = new WritePath(platform, client, settings);
    final PipelineLatency pipelineLatency = new PipelineLatency(platform, client, settings);
    final KafkaTools kafkaTools = new KafkaTools(platform);
    final Drain drain = new Drain(platform, kafkaTools, settings);
    final ProducerBaseline producerBaseline = new ProducerBaseline(platform, kafkaTools, settings);
    final PortalPages portalPages = new PortalPages(platform, client);
    final DocumentUploads documentUploads = new DocumentUploads(platform, client);
    final Exports exports = new Exports(platform, client);
    final Map<String, Object> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        AtomicBoolean closed = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (closed.compareAndSet(false, true)) {
                bench.platform.stopAll();
            }
        }, "bench-stop"));
        long started = System.nanoTime();
        try {
            bench.run();
        } finally {
            if (closed.compareAndSet(false, true)) {
                bench.platform.stopAll();
            }
            bench.results.put("totalRunSeconds", round1((System.nanoTime() - started) / 1e9));
            bench.write();
        }
        // CompletableFuture on 2 cores runs each task on a new non-daemon thread: do not wait for leftovers
        System.exit(bench.results.values().stream().anyMatch(v -> v instanceof Map<?, ?> m && m.containsKey("error")) ? 1 : 0);
    }

    void run() {
        results.put("machine", Machine.describe());
        results.put("startedAt", Instant.now().toString());
        results.put("settings", settings.asMap());
        stage("startup", startup::inParallel);
        if (!results.containsKey("startup") || ((Map<?, ?>) results.get("startup")).containsKey("error")) {
            return; // nothing else can be measured without the platform
        }
        stageIfChosen("startupAlone", startup::eachAlone);
        stageIfChosen("warmUp", writePath::warmUp);
        quietIfChosen("quietAfterWarmUpSeconds", "writePath");
        stageIfChosen("writePath", writePath::measure);
        quietIfChosen("quietBeforePipelineSeconds", "pipelineLatency");
        stageIfChosen("pipelineLatency", pipelineLatency::measure);
        quietIfChosen("quietBeforeBacklogSeconds", "eventThroughput");
        stageIfChosen("eventThroughput", drain::measure);
        stageIfChosen("kafkaProducerPerformance", producerBaseline::measure);
        quietIfChosen("quietBeforePortalSeconds", "portalProjectPage");
        stageIfChosen("portalProjectPage", portalPages::measure);
        quietIfChosen("quietBeforeUploadsSeconds", "documentUploads");
        stageIfChosen("documentUploads", documentUploads::measure);
        quietIfChosen("quietBeforeExportsSeconds", "openDataExports");
        stageIfChosen("openDataExports", exports::measure);
        results.put("loadAverageAtEnd", Machine.loadAverage());
    }

    /** A stage runs unless {@code bench.only} names other stages (startup always runs). */
    void stageIfChosen(String name, Stage stage) {
        if (settings.chosen(name)) {
            stage(name, stage);
        }
    }

    void quietIfChosen(String key, String before) {
        if (settings.chosen(before)) {
            results.put(key, platform.awaitQuiet());
        }
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

    void write() throws IOException {
        Path dir = Platform.mkdirs(platform.benchDir.resolve("results"));
        // a run of chosen stages only does not replace the whole run's results
        String name = settings.only.isEmpty() ? "latest" : "only-" + String.join("-", settings.only);
        Files.writeString(dir.resolve(name + ".json"), JSON.writeValueAsString(results) + "\n");
        Files.writeString(dir.resolve(name + ".md"), Report.markdown(results));
        log("results: " + dir.resolve(name + ".md") + " and " + name + ".json");
    }

    static void log(String line) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + line);
        System.out.flush();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
