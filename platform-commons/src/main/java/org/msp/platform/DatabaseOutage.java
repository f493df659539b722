package org.msp.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;

/**
 * Tells a failure caused by the database being out of reach from one caused by the work itself. The
 * consumers retry the first for as long as it lasts (never dead-lettering a good event for it), and
 * the API answers it with 503 and Retry-After rather than 500.
 */
public final class DatabaseOutage {
    private DatabaseOutage() {
    }

    /**
     * True when {@code failure} says the database could not be reached or went away (connection
     * errors, SQLSTATE classes 08, 53 and 57P, an exhausted pool, a transaction that outlived its
     * timeout), not that the request or event is at fault.
     */
    public static boolean isOutage(Throwable failure) {
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
            if (timedOutTransaction(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The commit of a transaction the transaction manager had already rolled back because it ran past
     * its timeout (Narayana's ARJUNA016102 "The transaction is not active"): nothing else rolls a
     * transaction back behind its owner's back, and it happens when the database stops answering (a
     * hang of PostgreSQL longer than the timeout, 60 s by default). Nothing was written.
     */
    private static boolean timedOutTransaction(Throwable failure) {
        return failure.getClass().getName().equals("jakarta.transaction.RollbackException")
                && failure.getMessage() != null && failure.getMessage().contains("ARJUNA016102");
    }
}
