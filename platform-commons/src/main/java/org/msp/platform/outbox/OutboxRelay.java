package org.msp.platform.outbox;

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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka in commit order and marks them sent. It is woken right after each
 * commit that wrote to the outbox, and also polls slowly as a safety net (e.g. rows left unsent
 * while Kafka was down, or written by another instance). Rows are only marked sent once the
 * broker acknowledged them (acks=all, idempotent producer), so a crash can cause a resend, which
 * consumers absorb by event id, but never a loss.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Serialises relays of the same database (several instances of one service). */
    private static final long RELAY_LOCK = 0x6d73702d6f757462L;
    /** The record's content type: a CloudEvent in structured mode (CloudEvents Kafka binding). */
    private static final String STRUCTURED_CLOUDEVENT = "application/cloudevents+json; charset=UTF-8";

    @Inject
    EntityManager entityManager;

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
    private Thread worker;

    void onStart(@Observes StartupEvent event) {
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
                while (running.get() && relayBatch() == batchSize) {
                    // a full batch: there may be more right behind it
                }
                backoffMillis = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay could not publish (retrying in %d ms): %s", backoffMillis, e.getMessage());
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

    /** Publishes one batch in a transaction of its own; returns how many rows it sent. */
    int relayBatch() {
        BatchResult result = QuarkusTransaction.requiringNew().timeout((int) sendTimeout.toSeconds() + 30).call(() -> {
            Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return new BatchResult(0, null);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                            SELECT seq, topic, message_key, payload FROM outbox_message
                            WHERE sent_at IS NULL ORDER BY seq LIMIT ?1""")
                    .setParameter(1, batchSize).getResultList();
            if (rows.isEmpty()) {
                return new BatchResult(0, null);
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                acks.add(send((String) row[1], (String) row[2], (String) row[3]));
            }
            List<Long> sent = new ArrayList<>(rows.size());
            RuntimeException failure = null;
            for (int i = 0; i < rows.size(); i++) {
                try {
                    acks.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    sent.add(((Number) rows.get(i)[0]).longValue());
                } catch (Exception e) {
                    // stop at the first unacknowledged row so the rest keep their order on retry
                    failure = new IllegalStateException("Kafka did not acknowledge outbox row " + rows.get(i)[0], e);
                    break;
                }
            }
            if (!sent.isEmpty()) {
                entityManager.createNativeQuery("UPDATE outbox_message SET sent_at = now() WHERE seq IN (?1)")
                        .setParameter(1, sent).executeUpdate();
            }
            // what was acknowledged is committed either way; the rest is retried after a back-off
            return new BatchResult(sent.size(), failure);
        });
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.sent();
    }

    private record BatchResult(int sent, RuntimeException failure) {
    }

    private CompletableFuture<Void> send(String topic, String key, String payload) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", STRUCTURED_CLOUDEVENT.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).withHeaders(headers).build();
        Message<String> message = Message.of(payload, Metadata.of(metadata),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                reason -> {
                    acked.completeExceptionally(reason);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }
}
