package org.msp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.msp.events.CloudEvent;
import org.msp.events.EventCodec;
import org.msp.events.Mineral;
import org.msp.events.project.Disclosure;
import org.msp.events.project.ProjectStatus;
import org.msp.events.project.ProjectSubmitted;
import org.msp.events.project.ValueChainStage;
import org.msp.infra.KafkaAccess;
import org.msp.infra.ServiceProcess;
import org.msp.infra.SideBySide;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.msp.bench.Bench.sleep;
import static org.msp.bench.Figures.round1;
import static org.msp.bench.Figures.round2;
import static org.msp.bench.Figures.round4;
import static org.msp.bench.Platform.NOTIFICATIONS;
import static org.msp.bench.Platform.PARTNERS;
import static org.msp.bench.Platform.PROJECTS;
import static org.msp.bench.Platform.REVIEWS;

/**
 * Stage 4, event throughput: a backlog of submitted events on msp.projects, drained by notification-service
 * started with it waiting (new timeline rows), beside ConsumerPerformance reading the same topic.
 */
final class Drain {
    /** Backlog events witness no real history; any SHA-256-shaped head satisfies the contract. */
    private static final String SYNTHETIC_HISTORY_HEAD = "0".repeat(64);

    final Platform platform;
    final KafkaTools tools;
    final Settings settings;

    Drain(Platform platform, KafkaTools tools, Settings settings) {
        this.platform = platform;
        this.tools = tools;
        this.settings = settings;
    }

    Map<String, Object> measure() throws Exception {
        int backlog = settings.backlog;
        Map<String, Object> out = new LinkedHashMap<>();
        // only notification-service may consume the backlog: the others would turn 20,000 submitted
        // events into reviews and yet more events, which is not what this stage measures
        for (String name : List.of(PROJECTS, PARTNERS, REVIEWS, NOTIFICATIONS)) {
            platform.services.get(name).stop();
        }
        long before = timelineCount();
        out.put("timelineEntriesBefore", before);
        String topic = "msp.projects";
        long t0 = System.nanoTime();
        Properties props = new Properties();
        props.putAll(platform.kafka.clientConfig()); // the operator: only it may write msp.projects besides project-service
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long bytes = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            String[] countries = {"ZM", "CD", "NA", "MN", "BR", "AR", "MZ", "TZ"};
            String[] partners = {"GB", "US", "EU", "JP", "AU", "CA"};
            EventCodec codec = new EventCodec(new ObjectMapper().registerModule(new JavaTimeModule()),
                    Validation.buildDefaultValidatorFactory().getValidator());
            for (int i = 0; i < backlog; i++) {
                UUID project = UUID.randomUUID();
                String id = project.toString();
                // made by the contract's codec, as project-service publishes them (it cannot drift from the records)
                String event = codec.write(CloudEvent.of(new ProjectSubmitted(project, "Backlog project " + i,
                        ProjectStatus.SUBMITTED, countries[i % countries.length], partners[i % partners.length],
                        List.of(Mineral.COBALT, Mineral.COPPER), ValueChainStage.PROCESSING,
                        "Synthetic backlog event of the benchmark", "Bench Mining", new BigDecimal("25000000"),
                        new Disclosure(true, false, true), "bench", SYNTHETIC_HISTORY_HEAD)));
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
        ServiceProcess service = platform.startService(NOTIFICATIONS, platform.wirings.get(NOTIFICATIONS),
                "notification-service-drain.log");
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

    long timelineCount() throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbc("notification"), "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM timeline_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long topicRecords(String topic) {
        Properties props = new Properties();
        props.putAll(platform.kafka.clientConfig());
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
        List<String> cmd = tools.kafkaTool("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
                platform.kafka.bootstrapServers(), "--topic", topic, "--messages", String.valueOf(messages), "--group",
                "bench-consumer-perf-" + UUID.randomUUID(), "--timeout", "60000",
                "--consumer.config", platform.kafka.clientConfigFile(KafkaAccess.ADMIN).toString());
        String output = tools.runTool(cmd, "consumer-performance.log", 180);
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
}
