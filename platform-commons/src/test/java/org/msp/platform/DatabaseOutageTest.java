package org.msp.platform;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures mean "wait for the database" (a consumer retries on, the API answers 503) rather than
 * "this event or request fails".
 */
class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainMeanTheDatabaseIsAway() {
        assertTrue(DatabaseOutage.isOutage(
                new IllegalStateException("tx", new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(new SQLException("shutting down", "57P01"))));
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(new SQLTransientConnectionException("pool"))));
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(new ConnectException("refused"))));
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
    }

    /** What a commit throws once the database hung past the transaction timeout, or died before the commit. */
    @Test
    void aCommitThatFailedBecauseTheDatabaseHungOrWentAwayMeansTheDatabaseIsAway() {
        assertTrue(DatabaseOutage.isOutage(new ArcUndeclaredThrowableException("Error invoking subclass method",
                new RollbackException("ARJUNA016102: The transaction is not active! Uid is 0:ffff7f000001:a8ff:780"))));
        RollbackException couldNotCommit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        couldNotCommit.initCause(new SQLException("This connection has been closed.", "08003"));
        assertTrue(DatabaseOutage.isOutage(new ArcUndeclaredThrowableException("Error invoking subclass method",
                couldNotCommit)));
        assertFalse(DatabaseOutage.isOutage(new ArcUndeclaredThrowableException("Error invoking subclass method",
                new RollbackException("ARJUNA016053: Could not commit transaction."))), "rolled back for another reason");
    }

    @Test
    void otherFailuresAreTheEventsOwn() {
        assertFalse(DatabaseOutage.isOutage(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.isOutage(new IllegalStateException("a bug")));
    }
}
