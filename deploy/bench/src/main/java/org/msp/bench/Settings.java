package org.msp.bench;

import java.util.List;
import java.util.Map;
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

    Map<String, Object> asMap() {
        return Map.of("writeSeconds", writeSeconds, "writeWarmupSeconds", writeWarmupSeconds,
                "concurrencies", concurrencies, "platformWarmupSeconds", platformWarmupSeconds, "pipelineRates", rates, "pipelineSeconds", rateSeconds,
                "backlogEvents", backlog, "producerRecords", producerRecords);
    }

    static List<Integer> parseInts(String csv) {
        return Stream.of(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }
}
