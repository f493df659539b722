package org.msp.faults;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.msp.faults.PipelineDriver.Fate;
import org.msp.faults.PoisonMessages.Poison;
import org.msp.infra.DeadLetterReplay;
import org.msp.infra.ProcessPlatform;
import org.msp.infra.testing.Tokens;
import org.msp.infra.testing.WebhookReceiver;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §7 under fire (issues 8 and 16). N proposals go through the whole pipeline on the real
 * platform, a few at a time, while a fault schedule runs beside them: poison on every topic (refused
 * at the edge, and valid events a consumer's database refuses), a second instance of every service
 * joining mid-flow, a crash (SIGKILL of PostgreSQL, Kafka and one instance of every service),
 * PostgreSQL frozen (SIGSTOP) for longer than the consumers' old 60 s liveness limit, Kafka stopped
 * cleanly, and PostgreSQL stopped for a while during which the second instances are stopped (SIGTERM)
 * while their consumers wait for it. Proposals are started in step with the schedule, so every fault
 * hits work in flight and the last proposals run after the last fault. Then nothing may be lost or
 * doubled: final states, hash-chained histories, one delivery-log row per (subscription, matching
 * event) for a country, a mineral and a project-id filter, each poison record on the dead-letter topic
 * of every service that must refuse it and nothing else there. Last, every dead-letter topic is
 * replayed as an operator would (deploy/ops/replay-dlq.sh): every table of every database, every
 * status, history and delivery log must be as before.
 *
 * <p>Settings (system properties {@code msp.faults.*}): {@code proposals} (N), {@code poison-per-topic}
 * (refused at the edge), {@code db-poison-per-consumer} (refused by a database), {@code kafka-restarts}
 * (clean stops), {@code postgres-outage-seconds}, {@code postgres-hang-seconds}, {@code threads}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSuiteTest {
    private static final String WATCHED_COUNTRY = "ZM";
    private static final String WATCHED_MINERAL = "LITHIUM";
    /** At most this many proposals are followed by id (a filter holds up to 100 ids). */
    private static final int FOLLOWED_BY_ID = 100;
    private static final Duration SETTLE = Duration.ofMinutes(4);
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    private final int proposals = Integer.getInteger("msp.faults.proposals", 16);
    private final int poisonPerTopic = Integer.getInteger("msp.faults.poison-per-topic", 12);
    private final int databasePoison = Integer.getInteger("msp.faults.db-poison-per-consumer", 1);
    private final int kafkaRestarts = Integer.getInteger("msp.faults.kafka-restarts", 1);
    private final int threads = Integer.getInteger("msp.faults.threads", 8);
    private final Duration postgresOutage = Duration.ofSeconds(Integer.getInteger("msp.faults.postgres-outage-seconds", 15));
    private final Duration postgresHang = Duration.ofSeconds(Integer.getInteger("msp.faults.postgres-hang-seconds", 65));

    private ProcessPlatform platform;
    private PipelineDriver driver;
    private PoisonMessages poison;
    private DeadLetters deadLetters;
    private ConsumerGroups consumerGroups;
    /** Each service's own database. */
    private final Map<String, DataSource> databases = new LinkedHashMap<>();
    private final List<Follower> followers = new ArrayList<>();
    /** Instances stopped for good during the run. */
    private final Set<String> retired = new HashSet<>();
    /** Every time an instance did not answer its liveness probe while PostgreSQL hung. */
    private final Queue<String> notLive = new ConcurrentLinkedQueue<>();
    private int livenessProbes;
    /** From the SIGKILL of the first instances until the relay, and the partitions, were taken over. */
    private Duration relayTakeover = Duration.ZERO;
    private Duration partitionTakeover = Duration.ZERO;

    /** One proposal of the run: what it should become, where it is hosted, what it mines, who follows it. */
    private record Planned(int number, Fate fate, String hostCountry, List<String> minerals, boolean followedById) {
    }

    private record Driven(Planned plan, String id) {
    }

    /** A subscriber's webhook and the proposals its filter must let through. */
    private record Follower(String filter, Predicate<Driven> follows, WebhookReceiver receiver, String id,
            String secret) {
    }

    /** Lost and doubled effects found so far. */
    private static final class Tally {
        int lost;
        int doubled;
    }

    @BeforeAll
    void startPlatform() {
        platform = ProcessPlatform.start(Path.of(System.getProperty("msp.root", "../..")),
                Path.of(System.getProperty("msp.faults.work", "target/faults")),
                Path.of(System.getProperty("msp.keycloak.zip", "target/keycloak/keycloak-quarkus-dist.zip")));
        driver = new PipelineDriver(platform, new Tokens(platform.realmUrl()));
        poison = new PoisonMessages(platform.kafkaClientConfig());
        deadLetters = new DeadLetters(platform.kafkaClientConfig(), poison);
        consumerGroups = new ConsumerGroups(platform.kafkaClientConfig());
        for (String service : ProcessPlatform.SERVICES) {
            PGSimpleDataSource database = new PGSimpleDataSource();
            database.setUrl(platform.jdbcUrl(service));
            database.setUser("postgres");
            database.setPassword("postgres");
            databases.put(service, database);
            PoisonMessages.refuseQuarantinedProjects(database);
        }
    }

    @AfterAll
    void stopPlatform() {
        followers.forEach(follower -> follower.receiver().close());
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void nothingIsLostOrDoubledWhileThePlatformIsBroken() throws Exception {
        long started = System.nanoTime();
        List<Planned> plans = new ArrayList<>();
        for (int i = 0; i < proposals; i++) {
            plans.add(new Planned(i, Fate.values()[i % 3], i / 3 % 2 == 0 ? WATCHED_COUNTRY : "CD",
                    i % 4 == 1 ? List.of(WATCHED_MINERAL, "COBALT") : List.of("COBALT", "COPPER"),
                    i % 8 == 5 && i / 8 < FOLLOWED_BY_ID));
        }
        // a filter by project id needs the ids first: those proposals are created (DRAFT: no event) before
        Map<Integer, String> createdFirst = new HashMap<>();
        for (Planned plan : plans.stream().filter(Planned::followedById).toList()) {
            createdFirst.put(plan.number(), driver.create(plan.number(), plan.hostCountry(), plan.minerals()));
        }
        follow("country " + WATCHED_COUNTRY, Map.of("countries", List.of(WATCHED_COUNTRY)),
                d -> d.plan().hostCountry().equals(WATCHED_COUNTRY));
        follow("mineral " + WATCHED_MINERAL, Map.of("minerals", List.of(WATCHED_MINERAL)),
                d -> d.plan().minerals().contains(WATCHED_MINERAL));
        follow("project ids", Map.of("projectIds", List.copyOf(createdFirst.values())), d -> d.plan().followedById());

        List<Fault> schedule = schedule();
        AtomicInteger faultsDone = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<CompletableFuture<Driven>> flows = new ArrayList<>();
        for (Planned plan : plans) {
            int gate = plan.number() * schedule.size() / proposals;
            flows.add(CompletableFuture.supplyAsync(() -> {
                // start in step with the schedule: every fault meets work in flight
                await("fault " + gate + " before proposal " + plan.number()).atMost(Duration.ofMinutes(30))
                        .pollInterval(Duration.ofMillis(200)).until(() -> faultsDone.get() >= gate);
                String id = createdFirst.containsKey(plan.number()) ? createdFirst.get(plan.number())
                        : driver.create(plan.number(), plan.hostCountry(), plan.minerals());
                driver.advance(id, plan.fate());
                return new Driven(plan, id);
            }, pool));
        }
        int faultsInjected = 0;
        for (Fault fault : schedule) {
            System.out.printf("[faults] %s +%ds %s (%d/%d proposals done)%n", java.time.LocalTime.now().withNano(0),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(), fault.name(),
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

        Tally tally = new Tally();
        List<String> problems = new ArrayList<>();
        checkProposals(driven, problems, tally);
        Map<String, Integer> heard = new LinkedHashMap<>();
        int resent = 0;
        for (Follower follower : followers) {
            resent += checkDeliveries(follower, driven, problems, tally, heard);
        }
        // poison: on the dead-letter topic of every service that must refuse it, and only poison there;
        // the consumers went on (the proposals started after the last injection went through every one)
        DeadLetters.Audit audit = deadLetters.awaitComplete(SETTLE);
        problems.addAll(audit.problems());
        if (!notLive.isEmpty()) {
            problems.add("not live while PostgreSQL hung: " + List.copyOf(notLive));
        }
        if (!driver.serverErrors.isEmpty()) {
            problems.add(driver.serverErrors.size() + " answers 5xx other than 503: " + List.copyOf(driver.serverErrors));
        }

        List<String> changedByReplay = replayEveryDeadLetterTopic(driven, problems);
        RelayOrder.Audit order = RelayOrder.audit(databases, platform.kafkaClientConfig());
        problems.addAll(order.problems());

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        String figures = String.format("proposals=%d faults=%d (second instances %d; SIGKILL of the first %d, taken"
                        + " over: relay %.1f s, partitions %.1f s; a crash: SIGKILL of PostgreSQL,"
                        + " Kafka and %d service instances; SIGTERMs of %d instances; Kafka stops %d;"
                        + " PostgreSQL outages 1 of %d s, hangs 1 of %d s)"
                        + " poison=%d (%d refused at the edge, %d by a database) lost=%d doubled=%d dead-lettered=%d/%d"
                        + " not-poison-dead-lettered=%d live-during-hang=%s (%d probes) replay-changed=%s"
                        + " relay-order=%s (%d events of %d aggregates) webhooks=%s (%d resent) client-retries=%d"
                        + " wall=%ds",
                proposals, faultsInjected, ProcessPlatform.SERVICES.size(), ProcessPlatform.SERVICES.size(),
                relayTakeover.toMillis() / 1000.0, partitionTakeover.toMillis() / 1000.0, ProcessPlatform.SERVICES.size(),
                ProcessPlatform.SERVICES.size(), kafkaRestarts, postgresOutage.toSeconds(), postgresHang.toSeconds(),
                poison.sent().size(), poison.sentRefusedAtTheEdge(), poison.sent().size() - poison.sentRefusedAtTheEdge(),
                tally.lost, tally.doubled, audit.found(), audit.expected(), audit.notPoison().size(),
                notLive.isEmpty() ? "all" : notLive.size() + " misses", livenessProbes,
                changedByReplay.isEmpty() ? "nothing" : changedByReplay.size() + " things",
                order.problems().isEmpty() ? "kept" : order.problems().size() + " aggregates out of order",
                order.events(), order.aggregates(), heard, resent,
                driver.retried.get(), seconds);
        System.out.println("[faults] " + figures);
        assertEquals(List.of(), problems, figures);
        assertEquals(0, tally.lost, figures);
        assertEquals(0, tally.doubled, figures);
    }

    /** A fault and whether it counts among "faults injected" (poison is counted on its own). */
    private record Fault(String name, Runnable action, boolean counts) {
    }

    private List<Fault> schedule() {
        int firstBatch = (poisonPerTopic + 1) / 2;
        List<Fault> faults = new ArrayList<>();
        faults.add(new Fault("poison: " + firstBatch + " per topic refused at the edge, " + databasePoison
                + " per consuming service refused by its database", () -> {
                    poison.injectRefusedAtTheEdge(firstBatch);
                    poison.injectRefusedByDatabase(databasePoison, databases);
                }, false));
        faults.add(new Fault("a second instance of every service joins (other ports, same databases and groups)",
                () -> inParallel(ProcessPlatform.SERVICES, platform::startSecondInstance), true));
        faults.add(takeover());
        // as when the machine running them dies: no clean shutdown anywhere
        faults.add(new Fault("a crash: SIGKILL PostgreSQL, Kafka and one instance of every service (the second"
                + " carries on), restart them", () -> {
                    ProcessPlatform.SERVICES.forEach(platform::killService);
                    platform.killKafka();
                    platform.killPostgres();
                    platform.startPostgres();
                    platform.startKafka();
                    inParallel(ProcessPlatform.SERVICES, platform::startService);
                    awaitAllReady();
                }, true));
        faults.add(postgresHang());
        for (int i = 1; i <= kafkaRestarts; i++) {
            faults.add(kafkaOutage(i));
        }
        faults.add(postgresOutage());
        faults.add(new Fault("poison: " + (poisonPerTopic - firstBatch) + " per topic refused at the edge",
                () -> poison.injectRefusedAtTheEdge(poisonPerTopic - firstBatch), false));
        return faults;
    }

    /**
     * SIGKILL of the first instance of every service while the second ones serve, as when the node under one
     * replica dies: the second instance must take over the relay of its database and the partitions the dead
     * one held. Measured from the kill: until no outbox row written before it waits for the relay (what the
     * dead instances left unsent is published by the survivors), and until every consumer group is down to the
     * survivors (the broker waits out the dead consumers' session before it hands their partitions over).
     * Then the killed instances start again.
     */
    private Fault takeover() {
        return new Fault("SIGKILL the first instance of every service (the second takes over), restart", () -> {
            Map<String, Integer> membersBefore = consumerGroups.members();
            ProcessPlatform.SERVICES.forEach(driver::retire);
            long killedAt = System.nanoTime();
            java.sql.Timestamp killedAtClock = new java.sql.Timestamp(System.currentTimeMillis());
            ProcessPlatform.SERVICES.forEach(platform::killService);
            await("every outbox row written before the kill is on Kafka").atMost(RECOVERY)
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> databases.values().stream().allMatch(db -> noneUnsentSince(db, killedAtClock)));
            relayTakeover = Duration.ofNanos(System.nanoTime() - killedAt);
            await("every consumer group is down to the second instances' consumers").atMost(RECOVERY)
                    .pollInterval(Duration.ofMillis(500)).until(() -> consumerGroups.members().entrySet().stream()
                            .allMatch(g -> g.getValue() <= membersBefore.getOrDefault(g.getKey(), 0) / 2));
            partitionTakeover = Duration.ofNanos(System.nanoTime() - killedAt);
            inParallel(ProcessPlatform.SERVICES, platform::startService);
            ProcessPlatform.SERVICES.forEach(driver::reinstate);
            awaitAllReady();
        }, true);
    }

    /** Whether no outbox row written up to {@code until} still waits for the relay (set-aside rows wait for an operator). */
    private static boolean noneUnsentSince(DataSource database, java.sql.Timestamp until) {
        try (var connection = database.getConnection();
             var query = connection.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM outbox_message"
                     + " WHERE sent_at IS NULL AND set_aside_at IS NULL AND created_at <= ?)")) {
            query.setTimestamp(1, until);
            try (var rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not read the outbox", e); // asked again at the next poll
        }
    }

    /**
     * PostgreSQL hangs (SIGSTOP) for longer than the 60 s after which SmallRye's throttled commit strategy
     * would have reported every waiting consumer DOWN to liveness: every instance must stay live all along
     * (readiness may drop), so that no liveness probe restarts them all, and go on afterwards.
     */
    private Fault postgresHang() {
        return new Fault("freeze PostgreSQL (SIGSTOP) for " + postgresHang.toSeconds() + " s, thaw", () -> {
            List<String> instances = servingInstances();
            long frozenAt = System.nanoTime();
            platform.freezePostgres();
            try {
                // a probe of every instance once a second for the hang's whole length; each one found not
                // live is recorded (the suite reports all of them), so the condition itself always holds
                await("every instance probed while PostgreSQL is frozen").during(postgresHang)
                        .atMost(postgresHang.plusSeconds(30)).pollInterval(Duration.ofSeconds(1)).pollInSameThread()
                        .until(() -> {
                            long second = Duration.ofNanos(System.nanoTime() - frozenAt).toSeconds();
                            livenessProbes++;
                            instances.parallelStream().filter(instance -> !platform.isLive(instance))
                                    .forEach(instance -> notLive.add(instance + " after " + second + " s"));
                            return true;
                        });
            } finally {
                platform.thawPostgres();
            }
            instances.stream().filter(instance -> !platform.isLive(instance))
                    .forEach(instance -> notLive.add(instance + " right after the thaw"));
            awaitAllReady();
        }, true);
    }

    /**
     * PostgreSQL stopped cleanly for longer than a consumer's bounded retries; meanwhile the second
     * instances are stopped (SIGTERM) while their consumers are retrying events that wait for the
     * database: shutting down must leave those events to the first instances, never dead-letter them.
     */
    private Fault postgresOutage() {
        return new Fault("stop PostgreSQL for " + postgresOutage.toSeconds() + " s (SIGTERM the second instances"
                + " meanwhile), restart", () -> {
            long stoppedAt = System.nanoTime();
            platform.stopPostgres();
            // every service notices: readiness goes DOWN by itself ...
            await("all services report readiness DOWN").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500)).until(() -> servingInstances().stream().noneMatch(platform::isReady));
            List<String> seconds = ProcessPlatform.SERVICES.stream().map(ProcessPlatform::secondInstanceOf).toList();
            seconds.forEach(driver::retire);
            retired.addAll(seconds);
            inParallel(seconds, platform::stopService);
            // ... and stays DOWN for the rest of the outage: an event consumed now must wait for the
            // database, not go to the dead-letter topic
            Duration rest = postgresOutage.minusNanos(System.nanoTime() - stoppedAt);
            if (!rest.isNegative() && !rest.isZero()) {
                await("readiness stays DOWN while PostgreSQL is away").during(rest).atMost(rest.plusSeconds(15))
                        .pollInterval(Duration.ofMillis(500)).until(() -> servingInstances().stream()
                                .noneMatch(platform::isReady));
            }
            platform.startPostgres();
            // ... and UP again by itself once the database is back
            awaitAllReady();
        }, true);
    }

    /** Kafka stopped cleanly (SIGTERM) until events piled up in the outboxes (or 10 s), then up again. */
    private Fault kafkaOutage(int number) {
        return new Fault("stop Kafka (" + number + "), restart", () -> {
            platform.stopKafka();
            long before = driver.accepted.get();
            try {
                await("commands accepted while Kafka is down").atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(200)).until(() -> driver.accepted.get() >= before + 3);
            } catch (ConditionTimeoutException quietPeriod) {
                // fewer commands came in: the outage still lasted 10 s
            }
            platform.startKafka();
        }, true);
    }

    // --- what became of the proposals, the webhooks and the poison

    private void checkProposals(List<Driven> driven, List<String> problems, Tally tally) {
        for (Driven d : driven) {
            if (d.plan().fate() == Fate.PRIORITISED) {
                try {
                    driver.awaitStatus(d.id(), "PRIORITISED");
                } catch (ConditionTimeoutException e) {
                    // reported below with the status it has
                }
            }
            String status = driver.statusOf(d.id());
            if (!d.plan().fate().name().equals(status)) {
                tally.lost++;
                problems.add(d.id() + " ended " + status + ", expected " + d.plan().fate());
            }
            List<String> history = driver.historyOf(d.id());
            List<String> expected = d.plan().fate().history;
            if (!expected.equals(history)) {
                tally.doubled += history.size() - new HashSet<>(history).size();
                tally.lost += (int) expected.stream().filter(s -> !history.contains(s)).count();
                problems.add(d.id() + " history " + history + ", expected " + expected);
            }
            JsonPath verified = driver.verifyHistory(d.id()).jsonPath();
            if (!verified.getBoolean("intact") || verified.getInt("entries") != history.size()) {
                problems.add(d.id() + " history chain does not verify: " + verified.prettify());
            }
        }
    }

    /**
     * One delivery-log row per event of every followed proposal, all delivered, and the receiver heard
     * each of them (a resend to the network is allowed, a second row is not) and nothing else. Returns
     * how many deliveries the receiver got twice.
     */
    private int checkDeliveries(Follower follower, List<Driven> driven, List<String> problems, Tally tally,
            Map<String, Integer> heard) {
        Map<String, Integer> expectedEvents = driven.stream().filter(follower.follows())
                .collect(Collectors.toMap(Driven::id, d -> d.plan().fate().events));
        int expectedRows = expectedEvents.values().stream().mapToInt(Integer::intValue).sum();
        List<Map<String, Object>> log = new ArrayList<>();
        try {
            await(follower.filter() + ": the delivery log holds " + expectedRows + " delivered rows").atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                        log.clear();
                        log.addAll(deliveryLog(follower));
                        return log.size() >= expectedRows
                                && log.stream().allMatch(row -> "DELIVERED".equals(row.get("status")));
                    });
        } catch (ConditionTimeoutException e) {
            problems.add(follower.filter() + ": delivery log not complete: " + log.size() + " rows of " + expectedRows);
        }
        Map<String, Long> rowsPerEvent = log.stream()
                .collect(Collectors.groupingBy(row -> (String) row.get("eventId"), Collectors.counting()));
        tally.doubled += (int) rowsPerEvent.values().stream().mapToLong(n -> n - 1).sum();
        Map<String, Set<String>> eventsPerProject = new HashMap<>();
        Set<String> receivedIds = new HashSet<>();
        int resent = 0;
        for (WebhookReceiver.Delivery delivery : follower.receiver().received()) {
            assertTrue(delivery.signedWith(follower.secret()), "every delivery is signed with the subscription's secret");
            String eventId = delivery.event().path("id").asText();
            if (!receivedIds.add(eventId)) {
                resent++;
            }
            eventsPerProject.computeIfAbsent(delivery.event().path("subject").asText(), k -> new HashSet<>()).add(eventId);
        }
        for (Map.Entry<String, Integer> project : expectedEvents.entrySet()) {
            int got = eventsPerProject.getOrDefault(project.getKey(), Set.of()).size();
            if (got != project.getValue()) {
                problems.add(follower.filter() + ": webhook heard " + got + " events of " + project.getKey()
                        + ", expected " + project.getValue());
                tally.lost += Math.max(0, project.getValue() - got);
                tally.doubled += Math.max(0, got - project.getValue());
            }
        }
        Set<String> unexpected = new HashSet<>(eventsPerProject.keySet());
        unexpected.removeAll(expectedEvents.keySet());
        if (!unexpected.isEmpty()) {
            problems.add(follower.filter() + ": webhook heard about projects outside its filter: " + unexpected);
        }
        if (!receivedIds.equals(rowsPerEvent.keySet())) {
            problems.add(follower.filter() + ": delivery log and receiver disagree: " + receivedIds.size()
                    + " received, " + rowsPerEvent.size() + " logged");
        }
        heard.put(follower.filter(), rowsPerEvent.size());
        return resent;
    }

    // --- the operator's replay of the dead-letter topics

    /**
     * Replays every service's dead-letter topic to the topics its records came from (DeadLetterReplay, as
     * deploy/ops/replay-dlq.sh does), waits until each consumer has refused every replayed poison again
     * and caught up, and returns what changed (nothing may). A replayed record reaches every consumer of
     * its topic: refused at the edge, each dead-letters it again; refused by a database, only that one.
     */
    private List<String> replayEveryDeadLetterTopic(List<Driven> driven, List<String> problems) {
        problems.addAll(consumerGroups.awaitCaughtUp(SETTLE));
        Map<String, Supplier<String>> views = new TreeMap<>();
        for (Driven d : driven) {
            views.put(d.id(), () -> driver.statusOf(d.id()) + " " + driver.historyOf(d.id()) + " intact="
                    + driver.verifyHistory(d.id()).jsonPath().getBoolean("intact"));
        }
        for (Follower follower : followers) {
            views.put("delivery log of " + follower.filter(), () -> deliveryLog(follower).stream()
                    .map(row -> new TreeMap<>(row).toString()).sorted().toList().toString());
        }
        PlatformState before = PlatformState.read(databases, views);
        DeadLetters.Audit parked = deadLetters.audit(deadLetters.readAll());
        Map<String, Map<String, Integer>> expected = new HashMap<>();
        parked.copies().forEach((service, markers) -> markers.forEach((marker, count) ->
                expected.computeIfAbsent(service, s -> new HashMap<>()).merge(marker, count, Integer::sum)));
        parked.copies().forEach((service, markers) -> markers.forEach((marker, count) -> {
            Poison replayed = poison.withMarker(marker);
            replayed.refusedBy().forEach(consumer -> expected.computeIfAbsent(consumer, s -> new HashMap<>())
                    .merge(marker, count, Integer::sum));
        }));
        for (String service : ProcessPlatform.SERVICES) {
            DeadLetterReplay.Outcome outcome = DeadLetterReplay.replay(platform.kafkaClientConfig(), service,
                    DeadLetterReplay.Selection.ALL, false);
            System.out.printf("[faults] replayed %d record(s) from %s %s%n", outcome.total(),
                    DeadLetters.topicOf(service), outcome.replayed());
            if (!outcome.skipped().isEmpty()) {
                problems.add("replay left records of " + service + " alone: " + outcome.skipped());
            }
        }
        DeadLetters.Audit again = deadLetters.awaitCopies(expected, SETTLE);
        expected.forEach((service, markers) -> markers.forEach((marker, count) -> {
            if (again.copiesOf(service, marker) < count) {
                problems.add("after the replay " + service + " holds " + again.copiesOf(service, marker) + " copies of "
                        + poison.withMarker(marker).what() + ", expected " + count);
            }
        }));
        problems.addAll(again.problems());
        problems.addAll(consumerGroups.awaitCaughtUp(SETTLE));
        List<String> changes = PlatformState.read(databases, views).changesSince(before);
        problems.addAll(changes);
        return changes;
    }

    // --- helpers

    private void follow(String filter, Map<String, Object> rules, Predicate<Driven> follows) {
        WebhookReceiver receiver = new WebhookReceiver();
        JsonPath subscription = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "WEBHOOK", "target", receiver.url(), "filter", rules))
                .post(platform.url(ProcessPlatform.NOTIFICATIONS) + "/subscriptions")
                .then().statusCode(201).extract().jsonPath();
        followers.add(new Follower(filter, follows, receiver, subscription.getString("id"),
                subscription.getString("secret")));
    }

    private List<Map<String, Object>> deliveryLog(Follower follower) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath body = given().header("X-MSP-Subscription-Secret", follower.secret()).queryParam("page", page)
                    .queryParam("size", 200)
                    .get(platform.url(ProcessPlatform.NOTIFICATIONS) + "/subscriptions/" + follower.id() + "/deliveries")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            rows.addAll(items);
            if (items.size() < 200) {
                return rows;
            }
        }
    }

    /** Every instance of every service that was started and not stopped for good. */
    private List<String> servingInstances() {
        return ProcessPlatform.SERVICES.stream().flatMap(s -> platform.instancesOf(s).stream())
                .filter(instance -> !retired.contains(instance)).toList();
    }

    private void awaitAllReady() {
        await("every instance ready again").atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                .until(() -> servingInstances().stream().allMatch(platform::isReady));
    }

    /** Runs {@code action} for each of {@code names} at the same time and waits for all of them. */
    private static void inParallel(Collection<String> names, Consumer<String> action) {
        ExecutorService starters = Executors.newFixedThreadPool(names.size());
        try {
            names.stream().map(name -> CompletableFuture.runAsync(() -> action.accept(name), starters)).toList()
                    .forEach(CompletableFuture::join);
        } finally {
            starters.shutdown();
        }
    }
}
