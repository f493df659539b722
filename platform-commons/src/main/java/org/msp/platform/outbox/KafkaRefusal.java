package org.msp.platform.outbox;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.ApplicationRecoverableException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidRequiredAcksException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

import java.util.List;

/**
 * Why Kafka did not take an outbox row: whether the row itself will never be accepted (too large for
 * the producer or the broker, an invalid topic name, a record the broker rejects), so that retrying
 * it can only hold up every row behind it, or the trouble is passing or lies elsewhere (broker down,
 * timeouts, leader elections, or the producer's own state, credentials or permissions, which would
 * refuse every row alike and is fixed by an operator, not by setting rows aside).
 */
final class KafkaRefusal {
    /** Non-retriable errors that are about the producer, the connection or the cluster, not the row. */
    private static final List<Class<? extends Throwable>> NOT_THE_ROWS_FAULT = List.of(
            AuthenticationException.class, AuthorizationException.class, SecurityDisabledException.class,
            UnsupportedVersionException.class, InvalidRequiredAcksException.class,
            ApplicationRecoverableException.class, OutOfOrderSequenceException.class,
            TransactionAbortedException.class, TransactionAbortableException.class, InvalidTxnStateException.class,
            UnknownServerException.class);

    private KafkaRefusal() {
    }

    /**
     * True when {@code failure} (anywhere in its cause chain) is a Kafka error that is neither
     * retriable nor about the producer or cluster: the row is refused for good.
     */
    static boolean forGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ApiException refused) {
                return !(refused instanceof RetriableException)
                        && NOT_THE_ROWS_FAULT.stream().noneMatch(type -> type.isInstance(refused));
            }
        }
        return false;
    }

    /** The refusal in words, for the row and the log: the Kafka error's class and message. */
    static String reason(Throwable failure) {
        Throwable shown = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ApiException) {
                shown = cause;
                break;
            }
        }
        return shown.getClass().getSimpleName() + ": " + shown.getMessage();
    }
}
