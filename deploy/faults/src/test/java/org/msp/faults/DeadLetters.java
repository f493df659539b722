package org.msp.faults;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.msp.faults.PoisonMessages.Poison;
import org.msp.infra.ProcessPlatform;
import org.msp.infra.testing.PoisonEvents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The services' dead-letter topics, read with the operator's login from their beginning to their current
 * end and judged against the poison that was sent: each poison record must be on the topic of every
 * service that has to refuse it, with a reason saying why, and nothing else may be there (a good event
 * dead-lettered is as bad as one lost).
 */
final class DeadLetters {
    private static final Duration POLL = Duration.ofSeconds(2);

    /** What the topics hold; {@code copies}: how often each service dead-lettered each poison (replays add copies). */
    record Audit(int expected, int found, List<String> missing, List<String> notPoison, List<String> wrongReason,
            Map<String, Map<String, Integer>> copies) {
        boolean complete() {
            return missing.isEmpty();
        }

        /** What is wrong with the topics, a few examples of each. */
        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (!missing.isEmpty()) {
                problems.add(missing.size() + " poison records not dead-lettered, e.g. " + firstOf(missing));
            }
            if (!notPoison.isEmpty()) {
                problems.add(notPoison.size() + " dead-lettered records that are no poison of theirs, e.g. "
                        + firstOf(notPoison));
            }
            if (!wrongReason.isEmpty()) {
                problems.add(wrongReason.size() + " dead-lettered for another reason, e.g. " + firstOf(wrongReason));
            }
            return problems;
        }

        int copiesOf(String service, String marker) {
            return copies.getOrDefault(service, Map.of()).getOrDefault(marker, 0);
        }

        private static List<String> firstOf(List<String> items) {
            return items.subList(0, Math.min(3, items.size()));
        }
    }

    private final Map<String, Object> clientConfig;
    private final PoisonMessages poison;

    DeadLetters(Map<String, Object> clientConfig, PoisonMessages poison) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.poison = poison;
    }

    static String topicOf(String service) {
        return "msp.dead-letter." + service;
    }

    /** Reads the topics again until every poison record is where it must be, or {@code timeout} passes. */
    Audit awaitComplete(Duration timeout) {
        return awaitUntil(Audit::complete, timeout);
    }

    /** Reads the topics again until each service holds at least {@code expected} copies of each poison. */
    Audit awaitCopies(Map<String, Map<String, Integer>> expected, Duration timeout) {
        return awaitUntil(audit -> expected.entrySet().stream().allMatch(service -> service.getValue().entrySet()
                .stream().allMatch(m -> audit.copiesOf(service.getKey(), m.getKey()) >= m.getValue())), timeout);
    }

    /** The last audit: the one that passed, or, once {@code timeout} is over, the one the caller reports. */
    private Audit awaitUntil(java.util.function.Predicate<Audit> done, Duration timeout) {
        java.util.concurrent.atomic.AtomicReference<Audit> audit = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(() -> { audit.set(audit(readAll())); return done.test(audit.get()); });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // incomplete: the suite reports what is missing
        }
        return audit.get() != null ? audit.get() : audit(readAll());
    }

    /** Judges what the topics hold against what was sent. */
    Audit audit(Map<String, List<ConsumerRecord<String, String>>> held) {
        Map<String, Map<String, Integer>> copies = new HashMap<>();
        List<String> notPoison = new ArrayList<>();
        List<String> wrongReason = new ArrayList<>();
        held.forEach((service, records) -> {
            for (ConsumerRecord<String, String> record : records) {
                Poison found = poison.in(record.value());
                String reason = PoisonEvents.reason(record);
                if (found == null || !found.refusedBy().contains(service)) {
                    notPoison.add(service + " dead-lettered " + (found == null ? "" : "(" + found.what() + ") ")
                            + brief(record.value()) + " because: " + brief(reason));
                    continue;
                }
                copies.computeIfAbsent(service, s -> new HashMap<>()).merge(found.marker(), 1, Integer::sum);
                if (reason == null || !reason.contains(found.reason())) {
                    wrongReason.add(service + " dead-lettered " + found.what() + " because: " + brief(reason)
                            + " (expected a reason naming " + found.reason() + ")");
                }
            }
        });
        List<String> missing = new ArrayList<>();
        int expected = 0;
        for (Poison sent : poison.sent()) {
            for (String service : sent.refusedBy()) {
                expected++;
                if (copies.getOrDefault(service, Map.of()).getOrDefault(sent.marker(), 0) == 0) {
                    missing.add(service + " / " + sent.what() + " (" + sent.marker() + ")");
                }
            }
        }
        return new Audit(expected, expected - missing.size(), missing, notPoison, wrongReason, copies);
    }

    /** Every record on each service's dead-letter topic, from the beginning to the end it has now. */
    Map<String, List<ConsumerRecord<String, String>>> readAll() {
        Map<String, List<ConsumerRecord<String, String>>> held = new HashMap<>();
        ProcessPlatform.SERVICES.forEach(service -> held.put(service, new ArrayList<>()));
        List<String> topics = ProcessPlatform.SERVICES.stream().map(DeadLetters::topicOf).toList();
        for (ConsumerRecord<String, String> record : TopicReader.readToEnd(clientConfig, topics)) {
            held.get(record.topic().substring(topicOf("").length())).add(record);
        }
        return held;
    }

    private static String brief(String text) {
        return text == null ? "null" : text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
