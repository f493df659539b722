package org.msp.bench;

import org.msp.infra.KafkaAccess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.msp.bench.Figures.round1;

/** Stage 5, the Kafka baseline: ProducerPerformance, 1 KB records, acks=all, on the bench's broker. */
final class ProducerBaseline {
    final Platform platform;
    final KafkaTools tools;
    final Settings settings;

    ProducerBaseline(Platform platform, KafkaTools tools, Settings settings) {
        this.platform = platform;
        this.tools = tools;
        this.settings = settings;
    }

    Map<String, Object> measure() throws Exception {
        int producerRecords = settings.producerRecords;
        List<String> cmd = tools.kafkaTool("org.apache.kafka.tools.ProducerPerformance", "--topic", "bench.producer-perf",
                "--num-records", String.valueOf(producerRecords), "--record-size", "1024", "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + platform.kafka.bootstrapServers(), "acks=all",
                // the operator's login: a super user, so the broker creates the bench's own topic for it
                "--producer.config", platform.kafka.clientConfigFile(KafkaAccess.ADMIN).toString());
        String output = tools.runTool(cmd, "producer-performance.log", 240);
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
}
