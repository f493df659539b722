package org.msp.infra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PostgreSQL launcher of the local run: it must not outlive the server it launched. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PostgresNodeTest {
    private static final List<String> DATABASES = List.of("project");

    @TempDir
    Path work;
    private final int port = Ports.freePort();
    private ChildProcess launcher;

    @AfterEach
    void stopWhatIsLeft() {
        if (launcher != null && launcher.isAlive()) {
            launcher.stop(Duration.ofSeconds(20));
        }
        PostgresNode.stopLeftoverServer(dataDir(), Duration.ofSeconds(20));
    }

    @Test
    void launcherExitsWhenItsPostmasterIsKilledAndANewOneBringsTheDatabaseBack() {
        launcher = startLikeTheLocalRun();
        long postmaster = PostgresServer.postmasterPid(dataDir()).orElseThrow();
        assertTrue(ChildProcess.isRunning(postmaster), "postmaster " + postmaster + " runs");

        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly(); // SIGKILL, as in a crash

        awaitExit(launcher, Duration.ofSeconds(60));
        assertEquals(PostgresNode.SERVER_GONE, launcher.exitValue(), ChildProcess.tail(launcher.log(), 20));
        assertTrue(launcher.logContains("is gone"), ChildProcess.tail(launcher.log(), 20));
        assertFalse(Readiness.answersSql(jdbcUrl(), "postgres", "postgres"));

        // the same data folder and log, as up.sh restarts it: the earlier run's ready line must not count
        launcher = startLikeTheLocalRun();
        assertTrue(Readiness.answersSql(jdbcUrl(), "postgres", "postgres"),
                "answers as soon as start returns; log:\n" + ChildProcess.tail(launcher.log(), 20));
    }

    /**
     * As LocalPlatform starts it: detached (not tied to this JVM), with its own data folder and log;
     * the binaries come from the cache the other tests unpack them to.
     */
    private ChildProcess startLikeTheLocalRun() {
        return PostgresNode.start(port, dataDir(), DATABASES, List.of(), work,
                work.resolve("logs/postgresql.log"), false, pid -> { });
    }

    private Path dataDir() {
        return work.resolve("postgres/data");
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static void awaitExit(ChildProcess process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the launcher (pid " + process.pid() + ") still runs " + timeout.toSeconds()
                        + " s after its postmaster was killed. Log:\n" + ChildProcess.tail(process.log(), 20));
            }
            ChildProcess.sleepQuietly(200);
        }
    }
}
