package org.msp.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.msp.events.Topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * The services' consumer groups as the broker sees them: whether each has committed, on every partition
 * of the topics it consumes, the end of the log, i.e. applied (or dead-lettered) everything published.
 */
final class ConsumerGroups {
    private final Map<String, Object> clientConfig;

    ConsumerGroups(Map<String, Object> clientConfig) {
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /** Waits until no group lags behind; returns what still lags if {@code timeout} passes first (empty: caught up). */
    List<String> awaitCaughtUp(Duration timeout) {
        AtomicReference<List<String>> lagging = new AtomicReference<>();
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .until(() -> { lagging.set(lagging()); return lagging.get().isEmpty(); });
        } catch (ConditionTimeoutException e) {
            // the caller reports what still lags
        }
        return lagging.get() != null ? lagging.get() : lagging();
    }

    /** How many consumers each service's group has now, as the broker sees it (a dead one counts until its session expires). */
    Map<String, Integer> members() {
        try (Admin admin = Admin.create(clientConfig)) {
            List<String> groups = PoisonMessages.CONSUMERS.values().stream().flatMap(List::stream).distinct().toList();
            Map<String, Integer> members = new HashMap<>();
            admin.describeConsumerGroups(groups).all().get()
                    .forEach((group, description) -> members.put(group, description.members().size()));
            return members;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not describe the consumer groups", e.getCause());
        }
    }

    /** "group topic-partition: n records behind" for every partition a group has not consumed to its end. */
    List<String> lagging() {
        try (Admin admin = Admin.create(clientConfig)) {
            Map<String, List<String>> topicsOfGroup = new HashMap<>();
            PoisonMessages.CONSUMERS.forEach((topic, groups) -> groups.forEach(group ->
                    topicsOfGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(topic.address())));
            List<String> topics = PoisonMessages.CONSUMERS.keySet().stream().map(Topic::address).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            List<String> lagging = new ArrayList<>();
            for (Map.Entry<String, List<String>> group : topicsOfGroup.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get();
                ends.forEach((partition, end) -> {
                    if (group.getValue().contains(partition.topic())) {
                        OffsetAndMetadata at = committed.get(partition);
                        long behind = end - (at == null ? 0 : at.offset());
                        if (behind > 0) {
                            lagging.add(group.getKey() + " " + partition + ": " + behind + " records behind");
                        }
                    }
                });
            }
            return lagging;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the consumer groups' offsets", e.getCause());
        }
    }
}
