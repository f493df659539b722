package org.msp.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.msp.platform.events.EventText;
import org.msp.platform.tracing.Traces;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka in commit order and marks them sent. It is woken right after each
 * commit that wrote to the outbox, and also polls slowly as a safety net (e.g. rows left unsent
 * while Kafka was down, or written by another instance). Rows are only marked sent once the
 * broker acknowledged them (acks=all, idempotent producer), so a crash can cause a resend, which
 * consumers absorb by event id, but never a loss.
 * <p>
 * A row Kafka refuses for good (see {@link KafkaRefusal}: e.g. {@code RecordTooLargeException} for a
 * payload over the producer's {@code max.request.size}, {@code InvalidTopicException}) is <b>set
 * aside</b> rather than retried for ever in front of every later row: {@code set_aside_at} and
 * {@code set_aside_reason} are written on it, an ERROR names its event id, type and the reason, the
 * counter {@code msp.outbox.set.aside} (tag {@code reason}: the Kafka error) counts it and the gauge
 * {@code msp.outbox.rows.set.aside} shows how many rows are set aside now (the same figure on every
 * instance of a service: it is counted in the database), and the rows behind it are published in
 * order. Retriable failures (broker down, timeouts) still keep the row in place and retry it, order
 * kept. A set-aside row is replayed, once whatever made Kafka refuse it is fixed (its payload, the
 * topic, the producer's or broker's size limits), by {@link #replaySetAside(String)} or in SQL with
 * <pre>UPDATE outbox_message SET set_aside_at = NULL, set_aside_reason = NULL WHERE event_id = '…';</pre>
 * which puts it back in the queue: the relay publishes it on its next poll (at the latest after
 * {@code msp.outbox.safety-poll}), before any later row, as its seq is older.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Serialises relays of the same database (several instances of one service). */
    private static final long RELAY_LOCK = 0x6d73702d6f757462L;
    /** The record's content type: a CloudEvent in structured mode (CloudEvents Kafka binding). */
    private static final String STRUCTURED_CLOUDEVENT = "application/cloudevents+json; charset=UTF-8";
    /** The column's size (outbox_message.set_aside_reason). */
    private static final int SET_ASIDE_REASON_LENGTH = 1000;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meterRegistry;

    @Inject
    Traces traces;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    Emitter<String> emitter;

    @ConfigProperty(name = "msp.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "msp.outbox.safety-poll", defaultValue = "PT2S")
    Duration safetyPoll;

    @ConfigProperty(name = "msp.outbox.send-timeout", defaultValue = "PT30S")
    Duration sendTimeout;

    @ConfigProperty(name = "msp.outbox.max-backoff", defaultValue = "PT5S")
    Duration maxBackoff;

    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    /** Rows set aside now, as last counted in the database; -1 until first counted. */
    private final AtomicLong setAsideRows = new AtomicLong(-1);
    /** Rows waiting to be published (unsent, not set aside) and the age of the oldest, counted with the above. */
    private final AtomicLong unsentRows = new AtomicLong(-1);
    private final AtomicLong oldestUnsentAgeSeconds = new AtomicLong(-1);
    private long setAsideCountedAt;
    /** Set when a row is replayed, so the gauge is counted again at once. */
    private volatile boolean setAsideChanged;
    private Thread worker;

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("msp.outbox.rows.set.aside", setAsideRows, AtomicLong::get)
                .description("Outbox rows Kafka refused for good, set aside until replayed (-1: not counted yet)")
                .strongReference(true)
                .register(meterRegistry);
        // the backlog and its age, for the alert rules: rows pile up while Kafka refuses or the relay is stuck
        Gauge.builder("msp.outbox.rows.unsent", unsentRows, AtomicLong::get)
                .description("Outbox rows not yet published, set-aside rows excluded (-1: not counted yet)")
                .strongReference(true)
                .register(meterRegistry);
        Gauge.builder("msp.outbox.oldest.unsent.age.seconds", oldestUnsentAgeSeconds, AtomicLong::get)
                .description("Age of the oldest outbox row not yet published, set-aside rows excluded (0: none)")
                .strongReference(true)
                .register(meterRegistry);
        running.set(true);
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running.set(false);
        wakeUp.release();
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        wakeUp.release();
    }

    private void run() {
        long backoffMillis = 100;
        while (running.get()) {
            try {
                wakeUp.tryAcquire(safetyPoll.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                boolean setAside = false;
                while (running.get()) {
                    BatchResult batch = relayBatch();
                    setAside |= !batch.setAside().isEmpty();
                    if (batch.handled() < batchSize) {
                        break; // else a full batch: there may be more right behind it
                    }
                }
                if (running.get()) {
                    countSetAsideRows(setAside);
                }
                backoffMillis = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay could not publish (retrying in %d ms): %s", backoffMillis, e.getMessage());
                countRowsQuietly(); // while Kafka is down the backlog grows: the gauges must still show it
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, maxBackoff.toMillis());
                wakeUp.release();
            }
        }
    }

    /**
     * Publishes one batch in a transaction of its own: the rows Kafka acknowledged are marked sent,
     * those it refused for good are set aside, and it stops at the first row that failed otherwise
     * (throwing, after committing the rest) so that row and those behind it keep their order on retry.
     */
    BatchResult relayBatch() {
        BatchResult result = QuarkusTransaction.requiringNew().timeout((int) sendTimeout.toSeconds() + 30).call(() -> {
            Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return new BatchResult(0, List.of(), null);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                            SELECT seq, topic, message_key, payload, event_id, event_type, trace_parent FROM outbox_message
                            WHERE sent_at IS NULL AND set_aside_at IS NULL ORDER BY seq LIMIT ?1""")
                    .setParameter(1, batchSize).getResultList();
            if (rows.isEmpty()) {
                return new BatchResult(0, List.of(), null);
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                acks.add(send((String) row[1], (String) row[2], (String) row[3], (String) row[4], (String) row[6]));
            }
            List<Long> sent = new ArrayList<>(rows.size());
            List<SetAside> setAside = new ArrayList<>();
            RuntimeException failure = null;
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = rows.get(i);
                long seq = ((Number) row[0]).longValue();
                try {
                    acks.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    sent.add(seq);
                } catch (Exception e) {
                    Throwable refusal = e instanceof ExecutionException ? e.getCause() : e;
                    if (KafkaRefusal.forGood(refusal)) {
                        // retrying it would hold up every row behind it for ever
                        setAside.add(new SetAside(seq, (String) row[4], (String) row[5], refusal));
                        continue;
                    }
                    // stop at the first unacknowledged row so the rest keep their order on retry
                    failure = new IllegalStateException("Kafka did not acknowledge outbox row " + seq, e);
                    break;
                }
            }
            if (!sent.isEmpty()) {
                entityManager.createNativeQuery("UPDATE outbox_message SET sent_at = now() WHERE seq IN (?1)")
                        .setParameter(1, sent).executeUpdate();
            }
            for (SetAside row : setAside) {
                entityManager.createNativeQuery(
                                "UPDATE outbox_message SET set_aside_at = now(), set_aside_reason = ?2 WHERE seq = ?1")
                        .setParameter(1, row.seq())
                        .setParameter(2, EventText.shortened(row.reason(), SET_ASIDE_REASON_LENGTH))
                        .executeUpdate();
            }
            // what was acknowledged or set aside is committed either way; the rest is retried after a back-off
            return new BatchResult(sent.size() + setAside.size(), setAside, failure);
        });
        for (SetAside row : result.setAside()) {
            LOG.errorf("outbox row %d, event %s (%s), refused by Kafka for good and set aside (the"
                            + " rows behind it go on): %s; once fixed, replay it with: UPDATE outbox_message SET"
                            + " set_aside_at = NULL, set_aside_reason = NULL WHERE event_id = '%s'",
                    row.seq(), row.eventId(), row.eventType(), row.reason(), row.eventId());
            Counter.builder("msp.outbox.set.aside")
                    .description("Outbox rows Kafka refused for good and this instance set aside")
                    .tag("reason", row.refusal().getClass().getSimpleName())
                    .register(meterRegistry).increment();
        }
        if (result.failure() != null) {
            throw result.failure();
        }
        return result;
    }

    /**
     * Puts the set-aside row of event {@code eventId} back in the queue (once whatever made Kafka
     * refuse it has been fixed) and wakes the relay, which publishes it before any later row. False if
     * no such row is set aside.
     */
    public boolean replaySetAside(String eventId) {
        int updated = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        UPDATE outbox_message SET set_aside_at = NULL, set_aside_reason = NULL
                        WHERE event_id = ?1 AND set_aside_at IS NOT NULL AND sent_at IS NULL""")
                .setParameter(1, eventId).executeUpdate());
        if (updated == 1) {
            LOG.infof("outbox event %s put back in the queue after being set aside", eventId);
            setAsideChanged = true;
            wakeUp.release();
        }
        return updated == 1;
    }

    /** Counts the set-aside and the waiting rows for the gauges: at once after a change, else once per safety poll. */
    private void countSetAsideRows(boolean changed) {
        long now = System.nanoTime();
        if (!changed && !setAsideChanged && setAsideRows.get() >= 0 && now - setAsideCountedAt < safetyPoll.toNanos()) {
            return;
        }
        setAsideChanged = false;
        // one scan of the unsent rows (partial index outbox_message_unsent) gives all three gauges
        Object[] counts = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE set_aside_at IS NOT NULL),
                               count(*) FILTER (WHERE set_aside_at IS NULL),
                               coalesce(floor(extract(epoch FROM now() - min(created_at) FILTER (WHERE set_aside_at IS NULL))), 0)
                        FROM outbox_message WHERE sent_at IS NULL""")
                .getSingleResult());
        setAsideRows.set(((Number) counts[0]).longValue());
        unsentRows.set(((Number) counts[1]).longValue());
        oldestUnsentAgeSeconds.set(((Number) counts[2]).longValue());
        setAsideCountedAt = now;
    }

    private void countRowsQuietly() {
        try {
            countSetAsideRows(false);
        } catch (RuntimeException e) {
            LOG.debugf("outbox rows not counted: %s", e.getMessage()); // e.g. the database is down too
        }
    }

    /** How many rows a batch handled (sent or set aside), those it set aside, and why it stopped early. */
    record BatchResult(int handled, List<SetAside> setAside, RuntimeException failure) {
    }

    /** A row Kafka refused for good. */
    record SetAside(long seq, String eventId, String eventType, Throwable refusal) {
        String reason() {
            return KafkaRefusal.reason(refusal);
        }
    }

    /**
     * Sends one row, in a producer span that is the child of the trace it was written in, and names that
     * span in the record's {@code traceparent} header, so each consumer's span joins the same trace.
     */
    private CompletableFuture<Void> send(String topic, String key, String payload, String eventId, String traceParent) {
        Span span = traces.messaging("publish " + topic, SpanKind.PRODUCER, topic, eventId, traceParent);
        CompletableFuture<Void> acked = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", STRUCTURED_CLOUDEVENT.getBytes(StandardCharsets.UTF_8));
        String published = Traces.parentOf(span);
        if (published != null) {
            headers.add(Traces.TRACEPARENT, published.getBytes(StandardCharsets.US_ASCII));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).withHeaders(headers).build();
        Message<String> message = Message.of(payload, Metadata.of(metadata),
                () -> {
                    span.end();
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                reason -> {
                    Traces.failed(span, reason);
                    span.end();
                    acked.completeExceptionally(reason);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }
}
