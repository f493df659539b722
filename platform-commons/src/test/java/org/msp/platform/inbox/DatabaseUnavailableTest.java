package org.msp.platform.inbox;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which consumer failures mean "wait for the database" (retry on) rather than "this event fails". */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainMeanTheDatabaseIsAway() {
        assertTrue(IdempotentConsumer.databaseUnavailable(
                new IllegalStateException("tx", new SQLException("I/O error", "08006"))));
        assertTrue(IdempotentConsumer.databaseUnavailable(new RuntimeException(new SQLException("shutting down", "57P01"))));
        assertTrue(IdempotentConsumer.databaseUnavailable(new RuntimeException(new SQLTransientConnectionException("pool"))));
        assertTrue(IdempotentConsumer.databaseUnavailable(new RuntimeException(new ConnectException("refused"))));
        assertTrue(IdempotentConsumer.databaseUnavailable(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void otherFailuresAreTheEventsOwn() {
        assertFalse(IdempotentConsumer.databaseUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(IdempotentConsumer.databaseUnavailable(new IllegalStateException("a bug")));
    }
}
