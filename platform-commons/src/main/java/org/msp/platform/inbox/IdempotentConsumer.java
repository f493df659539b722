package org.msp.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.msp.platform.events.CloudEvent;
import org.msp.platform.events.CloudEventCodec;
import org.msp.platform.events.MalformedEventException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Locale;

/**
 * Applies a consumed record at most once: parses the CloudEvent, then in one transaction records it
 * in the inbox and runs the handler. A record that is not a usable event is rethrown at once (the
 * channel's dead-letter strategy takes it). While the database is unreachable (e.g. restarting) the
 * record is retried with back-off for as long as that lasts: a good event must never end on the
 * dead-letter topic because of an outage, and holding it keeps the partition's order. Other failures
 * are retried {@code msp.consumer.max-attempts} times, then given up to the dead-letter topic.
 */
@ApplicationScoped
public class IdempotentConsumer {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final CloudEventCodec codec;
    private final Inbox inbox;
    private final int maxAttempts;
    private final Duration maxBackoff;

    public IdempotentConsumer(CloudEventCodec codec, Inbox inbox,
            @ConfigProperty(name = "msp.consumer.max-attempts", defaultValue = "12") int maxAttempts,
            @ConfigProperty(name = "msp.consumer.max-backoff", defaultValue = "PT5S") Duration maxBackoff) {
        this.codec = codec;
        this.inbox = inbox;
        this.maxAttempts = maxAttempts;
        this.maxBackoff = maxBackoff;
    }

    /** What a handler did with an event. */
    public record Result(Inbox.Outcome outcome, String reason) {
        public static final Result APPLIED = new Result(Inbox.Outcome.APPLIED, null);
        public static final Result DUPLICATE = new Result(null, "seen before");

        public static Result skipped(String reason) {
            return new Result(Inbox.Outcome.SKIPPED, reason);
        }
    }

    /** Handles one event inside the inbox transaction; throws MalformedEventException for unusable data. */
    @FunctionalInterface
    public interface Handler {
        Result handle(CloudEvent event);
    }

    public Result consume(String raw, Handler handler) {
        CloudEvent event = codec.read(raw);
        long backoff = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> apply(event, handler));
            } catch (MalformedEventException e) {
                LOG.warnf("event %s (%s) is unusable, sending it to the dead-letter topic: %s",
                        event.id(), event.type(), e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts && !databaseUnavailable(e)) {
                    LOG.errorf(e, "event %s (%s) failed %d times; giving it up to the dead-letter topic",
                            event.id(), event.type(), attempt);
                    throw e;
                }
                LOG.warnf("event %s (%s) failed (attempt %d, retrying in %d ms): %s",
                        event.id(), event.type(), attempt, backoff, e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        }
    }

    private Result apply(CloudEvent event, Handler handler) {
        if (!inbox.firstDelivery(event)) {
            return Result.DUPLICATE;
        }
        Result result = handler.handle(event);
        if (result.outcome() == Inbox.Outcome.SKIPPED) {
            LOG.infof("event %s (%s) for %s skipped: %s", event.id(), event.type(), event.subject(), result.reason());
            inbox.skipped(event, result.reason());
        }
        return result;
    }

    /**
     * True when {@code failure} says the database could not be reached or went away (connection
     * errors, SQLSTATE classes 08, 53 and 57P, an exhausted pool), not that the event is at fault.
     */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("53")
                    || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
