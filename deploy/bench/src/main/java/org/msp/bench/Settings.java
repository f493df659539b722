package org.msp.bench;

import com.fasterxml.jackson.annotation.JsonValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bench's knobs (system properties, BENCH_OPTS in run.sh), chosen so that run.sh stays well under
 * 12 minutes on 2 cores. Recorded as "settings" in latest.json.
 */
final class Settings {
    final int writeSeconds = Integer.getInteger("bench.write.seconds", 15);
    final int writeWarmupSeconds = Integer.getInteger("bench.write.warmup", 3);
    /** The whole pipeline runs this long before anything is measured, so JIT compilation is behind us. */
    final int platformWarmupSeconds = Integer.getInteger("bench.warmup.seconds", 30);
    final List<Integer> concurrencies = parseInts(System.getProperty("bench.write.concurrency", "1,8,32"));
    final List<Integer> rates = parseInts(System.getProperty("bench.pipeline.rates", "10,20,30,50"));
    final int rateSeconds = Integer.getInteger("bench.pipeline.seconds", 20);
    final int backlog = Integer.getInteger("bench.backlog.events", 100_000);
    final int producerRecords = Integer.getInteger("bench.producer.records", 200_000);
    /** Stages to run besides startup (e.g. {@code -Dbench.only=portalProjectPage}); empty: all of them. */
    final List<String> only = Stream.of(System.getProperty("bench.only", "").split(",")).map(String::trim)
            .filter(s -> !s.isEmpty()).toList();
    final PostgresDurability postgresql = new PostgresDurability(
            Path.of(System.getProperty("msp.root", ".")).toAbsolutePath().normalize()
                    .resolve("deploy/bench/target/work/logs/postgresql.log")); // Platform.logs

    Map<String, Object> asMap() {
        return Map.of("writeSeconds", writeSeconds, "writeWarmupSeconds", writeWarmupSeconds,
                "concurrencies", concurrencies, "platformWarmupSeconds", platformWarmupSeconds, "pipelineRates", rates, "pipelineSeconds", rateSeconds,
                "backlogEvents", backlog, "producerRecords", producerRecords, "postgresql", postgresql, "only", only);
    }

    boolean chosen(String stage) {
        return only.isEmpty() || only.contains(stage);
    }

    static List<Integer> parseInts(String csv) {
        return Stream.of(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    /**
     * synchronous_commit and fsync as the bench's running PostgreSQL server answered SHOW: its launcher
     * (org.msp.infra.PostgresNode) asks once the server is up and logs both in its ready line. Read when
     * the results are written, since the settings are recorded before the platform starts; a log older
     * than this run does not count.
     */
    static final class PostgresDurability {
        private static final Pattern READY = Pattern.compile(
                "PostgreSQL is ready .*synchronous_commit=(\\w+), fsync=(\\w+)");
        private final Path log;
        private final Instant runStarted = Instant.now();

        PostgresDurability(Path log) {
            this.log = log;
        }

        @JsonValue
        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            try {
                if (Files.exists(log) && !Files.getLastModifiedTime(log).toInstant().isBefore(runStarted)) {
                    Matcher m = READY.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
                    while (m.find()) { // the last start of this run
                        values.put("synchronous_commit", m.group(1));
                        values.put("fsync", m.group(2));
                    }
                }
            } catch (IOException e) {
                // reported as unknown below
            }
            values.putIfAbsent("synchronous_commit", "unknown");
            values.putIfAbsent("fsync", "unknown");
            return values;
        }

        @Override
        public String toString() {
            Map<String, String> v = values();
            return "synchronous_commit=" + v.get("synchronous_commit") + ", fsync=" + v.get("fsync");
        }
    }
}
