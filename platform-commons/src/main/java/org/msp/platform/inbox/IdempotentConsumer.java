package org.msp.platform.inbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.msp.events.CloudEvent;
import org.msp.events.EventCodec;
import org.msp.events.InvalidEventException;
import org.msp.platform.DatabaseOutage;
import org.msp.platform.tracing.Traces;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Applies consumed records at most once each, a Kafka poll's batch at a time (channels configured
 * with {@code batch=true}). Records that are not events of the contract (see {@link EventCodec}: wrong
 * source, subject, type or payload) go to the dead-letter topic at once, before any database work,
 * with the reason naming the field. The rest are recorded in the inbox and handled in one transaction:
 * one commit per batch rather
 * than per record is what lets a backlog drain fast. If that transaction fails for any reason, the
 * batch is applied again record by record, each in its own transaction: while the database is
 * unreachable (e.g. restarting) a record is retried with back-off for as long as that lasts (a good
 * event must never end on the dead-letter topic because of an outage, and holding it keeps the
 * partition's order), and those tries do not count; the event's own failures are retried
 * {@code msp.consumer.max-attempts} times in all, then the record alone is given up to the dead-letter
 * topic and the others are applied (see {@link RetryRule}).
 * <p>
 * Shutdown never dead-letters anything. Once the application begins to stop ({@link ShutdownEvent})
 * no new try starts and a failed try is not held against the event: a stopping service's failures are
 * its own ("EntityManagerFactory is closed", no CDI container), and counted as the event's they gave
 * good events up to the dead-letter topic while the shutdown lasted (a closing Kafka consumer's
 * partitions even move to the service's other consumers, so one event was retried afresh several
 * times at once). An interrupt of the worker thread is treated alike. In both cases the batch is left
 * as it is, neither acknowledged nor nacked, and the returned stage fails with
 * {@link ConsumerInterrupted}. The channels' methods take the batch as a {@code Message}, so SmallRye
 * acknowledges manually (they must not declare {@code @Acknowledgment(POST_PROCESSING)}): a failed
 * stage is then not turned into a nack, which the {@code dead-letter-queue} failure strategy would
 * send to the dead-letter topic, every record of the batch; it fails the channel's stream instead
 * (logged, and reported to the health checks), and its Kafka consumer leaves the group. The batch's
 * offsets are therefore never committed: the records are delivered again, after the restart or to the
 * instance that takes the partitions over, and those already applied are recognised by the inbox.
 */
@ApplicationScoped
public class IdempotentConsumer {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final EntityManager entityManager;
    private final RetryRule retryRule;
    private final Traces traces;
    /** Counted down once, when the application begins to stop: ends every retry at once. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    public IdempotentConsumer(EventCodec codec, Inbox inbox, EntityManager entityManager, Traces traces,
            @ConfigProperty(name = "msp.consumer.max-attempts", defaultValue = "12") int maxAttempts,
            @ConfigProperty(name = "msp.consumer.max-backoff", defaultValue = "PT5S") Duration maxBackoff) {
        this.codec = codec;
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.retryRule = new RetryRule(maxAttempts, maxBackoff);
        this.traces = traces;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (stopping.getCount() > 0) {
            LOG.info("the service is stopping: events still being tried are left for redelivery");
        }
        stopping.countDown();
    }

    /** What a handler did with an event. */
    public record Result(Inbox.Outcome outcome, String reason) {
        public static final Result APPLIED = new Result(Inbox.Outcome.APPLIED, null);
        public static final Result DUPLICATE = new Result(null, "seen before");

        public static Result skipped(String reason) {
            return new Result(Inbox.Outcome.SKIPPED, reason);
        }
    }

    /**
     * Applies a poll's records: those that are not usable events go to the dead-letter topic at once,
     * the rest in one transaction, or one by one (with {@link #consume}'s retries) if that fails.
     * Completes when the batch is acknowledged.
     */
    public CompletionStage<Void> consumeBatch(KafkaRecordBatch<String, String> batch, EventHandlers handlers) {
        if (stopping.getCount() == 0) {
            // a stopping service starts nothing: the records go to whichever consumer has their partitions next
            return CompletableFuture.failedFuture(new ConsumerInterrupted(null));
        }
        List<KafkaRecord<String, String>> usable = new ArrayList<>();
        List<CloudEvent<?>> events = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.add(codec.read(record.getPayload()));
                usable.add(record);
            } catch (InvalidEventException e) {
                LOG.warnf("a record of %s (key %s) is not an event of the contract, sending it to the dead-letter "
                        + "topic: %s", record.getTopic(), record.getKey(), e.getMessage());
                deadLetter(record, e);
            }
        }
        if (events.size() > 1 && appliedTogether(events, usable, handlers)) {
            return batch.ack();
        }
        for (int i = 0; i < events.size(); i++) {
            try {
                consume(events.get(i), usable.get(i), handlers);
            } catch (ConsumerInterrupted e) {
                LOG.warnf("stopping or interrupted while applying a batch of %d records of %s (event %s of %s and"
                        + " those after it not applied); leaving the batch unacknowledged, to be delivered again",
                        batch.getRecords().size(), usable.get(i).getTopic(), events.get(i).id(), events.get(i).type().type());
                return CompletableFuture.failedFuture(e);
            } catch (RuntimeException e) {
                deadLetter(usable.get(i), e);
            }
        }
        return batch.ack();
    }

    /** One transaction for all {@code events}; false (rolled back) if any of them failed. */
    private boolean appliedTogether(List<CloudEvent<?>> events, List<KafkaRecord<String, String>> records,
            EventHandlers handlers) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < events.size(); i++) {
                    apply(events.get(i), records.get(i), handlers);
                    // each event's work is complete: keep the persistence context from growing with the batch
                    entityManager.flush();
                    entityManager.clear();
                }
            });
            return true;
        } catch (RuntimeException e) {
            LOG.infof("a batch of %d events failed together (%s); applying them one by one", events.size(),
                    e.getMessage());
            return false;
        }
    }

    /** Hands {@code record} to the channel's failure strategy (the dead-letter topic) and waits for it. */
    private static void deadLetter(KafkaRecord<String, String> record, Throwable reason) {
        record.nack(reason).toCompletableFuture().join();
    }

    private Result consume(CloudEvent<?> event, KafkaRecord<String, String> record, EventHandlers handlers) {
        RetryRule.Tries tries = retryRule.forEvent();
        while (true) {
            if (stoppingOrInterrupted()) {
                throw new ConsumerInterrupted(null);
            }
            try {
                return QuarkusTransaction.requiringNew().call(() -> apply(event, record, handlers));
            } catch (RuntimeException e) {
                if (stoppingOrInterrupted()) {
                    // the failure may be the shutdown or the interrupt itself (a closed EntityManagerFactory,
                    // an interrupted JDBC call): not the event's fault
                    throw new ConsumerInterrupted(e);
                }
                RetryRule.Decision decision = tries.failed(DatabaseOutage.isOutage(e));
                if (decision.giveUp()) {
                    LOG.errorf(e, "event %s (%s) failed %d times (and %d more while the database was unavailable);"
                                    + " giving it up to the dead-letter topic",
                            event.id(), event.type().type(), decision.ownFailures(), decision.outageFailures());
                    throw e;
                }
                LOG.warnf("event %s (%s) failed (%d of %d tries of its own, %d while the database was unavailable;"
                                + " retrying in %d ms): %s",
                        event.id(), event.type().type(), decision.ownFailures(), retryRule.maxAttempts(),
                        decision.outageFailures(), decision.backoff().toMillis(), e.getMessage());
                sleep(decision.backoff());
            }
        }
    }

    /**
     * Applies one event in a consumer span that is the child of the producer's (the record's
     * {@code traceparent}) and current while the handler runs, so the events it writes to the outbox, and the
     * deliveries it schedules, carry the same trace on.
     */
    private Result apply(CloudEvent<?> event, KafkaRecord<String, String> record, EventHandlers handlers) {
        Span span = traces.messaging("process " + event.type().type(), SpanKind.CONSUMER, record.getTopic(), event.id(),
                traceParentOf(record));
        return Traces.within(span, () -> {
            if (!inbox.firstDelivery(event)) {
                span.setAttribute("msp.inbox.outcome", "duplicate");
                return Result.DUPLICATE;
            }
            Result result = handlers.handle(event, record.getPayload());
            if (result.outcome() == Inbox.Outcome.SKIPPED) {
                LOG.infof("event %s (%s) for %s skipped: %s", event.id(), event.type().type(), event.subject(),
                        result.reason());
                inbox.skipped(event, result.reason());
            }
            span.setAttribute("msp.inbox.outcome", result.outcome() == null ? "duplicate"
                    : result.outcome().name().toLowerCase(Locale.ROOT));
            return result;
        });
    }

    private static String traceParentOf(KafkaRecord<String, String> record) {
        Header header = record.getHeaders().lastHeader(Traces.TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    private boolean stoppingOrInterrupted() {
        return stopping.getCount() == 0 || Thread.currentThread().isInterrupted();
    }

    /** Waits {@code backoff}, or less if the application begins to stop meanwhile. */
    private void sleep(Duration backoff) {
        try {
            if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ConsumerInterrupted(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumerInterrupted(e);
        }
    }

    /**
     * The service is stopping, or the consuming thread was interrupted: the batch is left for
     * redelivery, never dead-lettered (the event is not at fault).
     */
    public static final class ConsumerInterrupted extends RuntimeException {
        ConsumerInterrupted(Throwable cause) {
            super("stopping or interrupted while applying a batch; it is left unacknowledged, to be delivered again",
                    cause);
        }
    }
}
