package org.msp.platform;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which consumer failures mean "wait for the database" (retry on) rather than "this event fails". */
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

    @Test
    void otherFailuresAreTheEventsOwn() {
        assertFalse(DatabaseOutage.isOutage(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.isOutage(new IllegalStateException("a bug")));
    }
}
