package org.msp.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded PostgreSQL every run uses (tests, up.sh, the e2e and fault suites, the bench). */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresServerTest {

    @Test
    void aCommitIsAcknowledgedOnlyOnceItIsOnDisk() {
        // what PlatformTestResource starts when no external server is named (MSP_PG_URL)
        try (PostgresServer server = PostgresServer.embedded(0, null)) {
            assertEquals("on", server.setting("synchronous_commit"));
            assertEquals("on", server.setting("fsync"));
            assertTrue(Readiness.answersSql(server.jdbcUrl("postgres"), server.username(), server.password()));
        }
    }
}
