package org.msp.faults;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.msp.faults.PipelineDriver.Fate;
import org.msp.infra.ProcessPlatform;
import org.msp.infra.testing.Tokens;
import org.msp.infra.testing.WebhookReceiver;

import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §7 under fire (issue 8, point 1). N proposals go through the whole pipeline on the real
 * platform, a few at a time, while a fault schedule runs beside them: poison records on every
 * topic, Kafka stopped (SIGTERM) and restarted, each service killed (SIGKILL) and restarted on its
 * port, PostgreSQL stopped for longer than a consumer's bounded retries and restarted. Proposals are started in step with the schedule, so every fault hits
 * work in flight and the last proposals run after the last fault. Then nothing may be lost or
 * doubled: final states, hash-chained histories, one webhook delivery-log row per matching event,
 * every poison record dead-lettered by every consumer of its topic.
 *
 * <p>Settings (system properties): {@code msp.faults.proposals} (N), {@code msp.faults.poison-per-topic},
 * {@code msp.faults.kafka-restarts}, {@code msp.faults.postgres-outage-seconds}, {@code msp.faults.threads}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSuiteTest {
    private static final String WATCHED_COUNTRY = "ZM";
    private static final Duration SETTLE = Duration.ofMinutes(4);

    private final int proposals = Integer.getInteger("msp.faults.proposals", 50);
    private final int poisonPerTopic = Integer.getInteger("msp.faults.poison-per-topic", 6);
    private final int kafkaRestarts = Integer.getInteger("msp.faults.kafka-restarts", 1);
    private final int threads = Integer.getInteger("msp.faults.threads", 6);
    private final Duration postgresOutage = Duration.ofSeconds(Integer.getInteger("msp.faults.postgres-outage-seconds", 40));

    private ProcessPlatform platform;
    private Tokens tokens;
    private WebhookReceiver webhook;
    private PipelineDriver driver;
    private PoisonMessages poison;

    /** One proposal of the run: what it should become, and where it is hosted. */
    private record Planned(int number, Fate fate, String hostCountry) {
    }

    private record Driven(Planned plan, String id) {
    }

    @BeforeAll
    void startPlatform() {
        platform = ProcessPlatform.start(Path.of(System.getProperty("msp.root", "../..")),
                Path.of(System.getProperty("msp.faults.work", "target/faults")),
                Path.of(System.getProperty("msp.keycloak.zip", "target/keycloak/keycloak-quarkus-dist.zip")));
        tokens = new Tokens(platform.realmUrl());
        webhook = new WebhookReceiver();
        driver = new PipelineDriver(platform, tokens);
        poison = new PoisonMessages(platform.kafkaClientConfig());
    }

    @AfterAll
    void stopPlatform() {
        if (webhook != null) {
            webhook.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void nothingIsLostOrDoubledWhileThePlatformIsBroken() throws Exception {
        long started = System.nanoTime();
        JsonPath subscription = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "WEBHOOK", "target", webhook.url(),
                        "filter", Map.of("countries", List.of(WATCHED_COUNTRY))))
                .post(platform.url(ProcessPlatform.NOTIFICATIONS) + "/subscriptions")
                .then().statusCode(201).extract().jsonPath();

        List<Fault> schedule = schedule();
        AtomicInteger faultsDone = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<CompletableFuture<Driven>> flows = new ArrayList<>();
        for (int i = 0; i < proposals; i++) {
            Planned plan = new Planned(i, Fate.values()[i % 3], i / 3 % 2 == 0 ? WATCHED_COUNTRY : "CD");
            int gate = i * schedule.size() / proposals;
            flows.add(CompletableFuture.supplyAsync(() -> {
                // start in step with the schedule: every fault meets work in flight
                await("fault " + gate + " before proposal " + plan.number()).atMost(Duration.ofMinutes(20))
                        .pollInterval(Duration.ofMillis(200)).until(() -> faultsDone.get() >= gate);
                return new Driven(plan, driver.drive(plan.number(), plan.hostCountry(), plan.fate()));
            }, pool));
        }
        int faultsInjected = 0;
        for (Fault fault : schedule) {
            System.out.printf("[faults] %s (%d/%d proposals done)%n", fault.name(),
                    flows.stream().filter(CompletableFuture::isDone).count(), proposals);
            fault.action().run();
            faultsInjected += fault.counts() ? 1 : 0;
            faultsDone.incrementAndGet();
        }
        List<Driven> driven = new ArrayList<>();
        for (CompletableFuture<Driven> flow : flows) {
            driven.add(flow.get());
        }
        pool.shutdown();
        driver.prioritisationRound();

        // --- what became of every proposal
        int lost = 0;
        int doubled = 0;
        List<String> problems = new ArrayList<>();
        for (Driven d : driven) {
            if (d.plan().fate() == Fate.PRIORITISED) {
                awaitQuietly(d.id(), "PRIORITISED");
            }
            String status = driver.statusOf(d.id());
            if (!d.plan().fate().name().equals(status)) {
                lost++;
                problems.add(d.id() + " ended " + status + ", expected " + d.plan().fate());
            }
            List<String> history = driver.historyOf(d.id());
            List<String> expected = d.plan().fate().history;
            if (!expected.equals(history)) {
                int extra = history.size() - new HashSet<>(history).size();
                doubled += extra;
                lost += (int) expected.stream().filter(s -> !history.contains(s)).count();
                problems.add(d.id() + " history " + history + ", expected " + expected);
            }
            JsonPath verified = driver.verifyHistory(d.id()).jsonPath();
            if (!verified.getBoolean("intact") || verified.getInt("entries") != history.size()) {
                problems.add(d.id() + " history chain does not verify: " + verified.prettify());
            }
        }

        // --- the webhook: one delivery-log row per matching event, each matching event there
        Map<String, Integer> expectedEvents = driven.stream().filter(d -> d.plan().hostCountry().equals(WATCHED_COUNTRY))
                .collect(Collectors.toMap(Driven::id, d -> d.plan().fate().events));
        int expectedDeliveries = expectedEvents.values().stream().mapToInt(Integer::intValue).sum();
        String subscriptionId = subscription.getString("id");
        String secret = subscription.getString("secret");
        List<Map<String, Object>> log = new ArrayList<>();
        try {
            await("the delivery log holds " + expectedDeliveries + " delivered rows").atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                        log.clear();
                        log.addAll(deliveryLog(subscriptionId, secret));
                        return log.size() >= expectedDeliveries
                                && log.stream().allMatch(row -> "DELIVERED".equals(row.get("status")));
                    });
        } catch (ConditionTimeoutException e) {
            problems.add("delivery log not complete: " + log.size() + " rows of " + expectedDeliveries);
        }
        Map<String, Long> rowsPerEvent = log.stream()
                .collect(Collectors.groupingBy(row -> (String) row.get("eventId"), Collectors.counting()));
        int doubledRows = (int) rowsPerEvent.values().stream().mapToLong(n -> n - 1).sum();
        doubled += doubledRows;
        Map<String, Set<String>> eventsPerProject = new HashMap<>();
        Set<String> receivedIds = new HashSet<>();
        int resent = 0;
        for (WebhookReceiver.Delivery delivery : webhook.received()) {
            assertTrue(delivery.signedWith(secret), "every delivery is signed with the subscription's secret");
            String eventId = delivery.event().path("id").asText();
            if (!receivedIds.add(eventId)) {
                resent++; // at least once to the network is allowed; the log must still have one row
            }
            eventsPerProject.computeIfAbsent(delivery.event().path("subject").asText(), k -> new HashSet<>()).add(eventId);
        }
        for (Map.Entry<String, Integer> project : expectedEvents.entrySet()) {
            int got = eventsPerProject.getOrDefault(project.getKey(), Set.of()).size();
            if (got != project.getValue()) {
                problems.add("webhook heard " + got + " events of " + project.getKey() + ", expected " + project.getValue());
                lost += Math.max(0, project.getValue() - got);
                doubled += Math.max(0, got - project.getValue());
            }
        }
        Set<String> unexpected = new HashSet<>(eventsPerProject.keySet());
        unexpected.removeAll(expectedEvents.keySet());
        if (!unexpected.isEmpty()) {
            problems.add("webhook heard about projects outside its filter: " + unexpected);
        }
        if (!receivedIds.equals(rowsPerEvent.keySet())) {
            problems.add("delivery log and receiver disagree: " + receivedIds.size() + " received, "
                    + rowsPerEvent.size() + " logged");
        }

        // --- poison: on the dead-letter topic of every consumer, and the consumers went on (the
        // proposals started after the last injection completed, through every consumer)
        int deadLettered;
        try {
            deadLettered = poison.awaitDeadLettered(SETTLE);
        } catch (AssertionError e) {
            problems.add(e.getMessage());
            deadLettered = -1;
        }

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        String figures = String.format("proposals=%d faults=%d (Kafka stops %d, SIGKILLs %d, PostgreSQL outages 1)"
                        + " poison=%d lost=%d doubled=%d dead-lettered=%d/%d webhook=%d events (%d resent) client-retries=%d"
                        + " wall=%ds", proposals, faultsInjected, kafkaRestarts, ProcessPlatform.SERVICES.size(),
                poison.sent(), lost, doubled, deadLettered, poison.expectedDeadLetters(), rowsPerEvent.size(), resent,
                driver.retried.get(), seconds);
        System.out.println("[faults] " + figures);
        assertEquals(List.of(), problems, figures);
        assertEquals(0, lost, figures);
        assertEquals(0, doubled, figures);
    }

    /** A fault and whether it counts among "faults injected" (poison is counted on its own). */
    private record Fault(String name, Runnable action, boolean counts) {
    }

    private List<Fault> schedule() {
        int firstBatch = Math.max(1, poisonPerTopic / 2);
        List<Fault> faults = new ArrayList<>();
        faults.add(new Fault("poison: " + firstBatch + " per topic", () -> poison.inject(firstBatch), false));
        faults.add(kafkaOutage(1));
        for (String service : ProcessPlatform.SERVICES) {
            faults.add(new Fault("SIGKILL " + service + ", restart", () -> {
                platform.killService(service);
                platform.startService(service);
            }, true));
        }
        faults.add(new Fault("stop PostgreSQL for " + postgresOutage.toSeconds() + " s, restart", () -> {
            long stoppedAt = System.nanoTime();
            platform.stopPostgres();
            // every service notices: readiness goes DOWN by itself ...
            await("all services report readiness DOWN").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500)).until(() -> ProcessPlatform.SERVICES.stream()
                            .noneMatch(platform::isReady));
            // ... and stays DOWN for the rest of the outage's configured length, longer than a
            // consumer's bounded retries: an event consumed now must wait for the database, not go
            // to the dead-letter topic
            Duration rest = postgresOutage.minusNanos(System.nanoTime() - stoppedAt);
            if (!rest.isNegative() && !rest.isZero()) {
                await("readiness stays DOWN while PostgreSQL is away").during(rest).atMost(rest.plusSeconds(15))
                        .pollInterval(Duration.ofMillis(500)).until(() -> ProcessPlatform.SERVICES.stream()
                                .noneMatch(platform::isReady));
            }
            platform.startPostgres();
            // ... and UP again by itself once the database is back
            await("all services report readiness UP").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500)).until(() -> ProcessPlatform.SERVICES.stream()
                            .allMatch(platform::isReady));
        }, true));
        for (int i = 2; i <= kafkaRestarts; i++) {
            faults.add(kafkaOutage(i));
        }
        faults.add(new Fault("poison: " + (poisonPerTopic - firstBatch) + " per topic",
                () -> poison.inject(poisonPerTopic - firstBatch), false));
        return faults;
    }

    /** Kafka down (SIGTERM) until events piled up in the outboxes (or 20 s), then up again. */
    private Fault kafkaOutage(int number) {
        return new Fault("stop Kafka (" + number + "), restart", () -> {
            platform.stopKafka();
            long before = driver.accepted.get();
            try {
                await("commands accepted while Kafka is down").atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(200)).until(() -> driver.accepted.get() >= before + 10);
            } catch (ConditionTimeoutException quietPeriod) {
                // fewer commands came in: the outage still lasted 20 s
            }
            platform.startKafka();
        }, true);
    }

    private void awaitQuietly(String id, String status) {
        try {
            driver.awaitStatus(id, status);
        } catch (ConditionTimeoutException e) {
            // reported below with the status it has
        }
    }

    private List<Map<String, Object>> deliveryLog(String subscriptionId, String secret) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath body = given().header("X-MSP-Subscription-Secret", secret).queryParam("page", page)
                    .queryParam("size", 200)
                    .get(platform.url(ProcessPlatform.NOTIFICATIONS) + "/subscriptions/" + subscriptionId + "/deliveries")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            rows.addAll(items);
            if (items.size() < 200) {
                return rows;
            }
        }
    }
}
