package org.msp.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * Keeps an embedded PostgreSQL running for the local platform until this process is told to stop
 * (SIGTERM), then shuts the server down cleanly. When the server dies on its own (its postmaster is
 * killed), this process exits too: a launcher that outlived its server would look like a running
 * database to anyone who judges by its PID.
 * Usage: {@code PostgresNode <port> <data dir> <database>...}
 */
public final class PostgresNode {
    public static final String READY_LINE = "PostgreSQL is ready";
    /** The exit status when the server died under this launcher. */
    public static final int SERVER_GONE = 3;
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    private PostgresNode() {
    }

    /**
     * Runs this class as a child JVM on this JVM's class path and waits until the server is ready.
     *
     * @param jvmOptions   e.g. {@code -Dot.epg.working-dir=...} for where the binaries are unpacked
     * @param tiedToParent the server stops when this JVM exits (tests); false for the local run
     */
    public static ChildProcess start(int port, Path dataDir, List<String> databases, List<String> jvmOptions,
            Path workDir, Path log, boolean tiedToParent, LongConsumer onSpawn) {
        List<String> command = new ArrayList<>(List.of(JavaRuntimes.currentJava(), "-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        if (tiedToParent) {
            command.add(ExitWithParent.class.getName());
        }
        command.addAll(List.of(PostgresNode.class.getName(), String.valueOf(port), dataDir.toString()));
        command.addAll(databases);
        // a restart appends to the same log: only a ready line written by this start counts
        long logSizeBefore = ChildProcess.logSize(log);
        ChildProcess pg = ChildProcess.start("postgresql", command, workDir, log, java.util.Map.of(), tiedToParent);
        onSpawn.accept(pg.pid());
        pg.awaitReady(() -> pg.logContainsSince(READY_LINE, logSizeBefore), Duration.ofSeconds(120));
        return pg;
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]);
        PostgresServer server = PostgresServer.embedded(port, dataDir);
        Arrays.stream(args).skip(2).forEach(server::createDatabaseIfMissing);
        long postmaster = PostgresServer.postmasterPid(dataDir)
                .orElseThrow(() -> new IllegalStateException("no postmaster.pid in " + dataDir));
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            server.close();
            stopped.countDown();
        }, "postgres-shutdown"));
        System.out.println(READY_LINE + " on port " + server.port() + " with databases "
                + String.join(", ", Arrays.asList(args).subList(2, args.length))
                + " (postmaster pid " + postmaster + "; synchronous_commit=" + server.setting("synchronous_commit")
                + ", fsync=" + server.setting("fsync") + ")");
        System.out.flush();
        while (!stopped.await(WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
            if (!stopping.get() && !ChildProcess.isRunning(postmaster)) {
                System.out.println("PostgreSQL server (postmaster pid " + postmaster + ") is gone: its launcher exits");
                System.out.flush();
                // halt, not exit: the shutdown hooks would only run pg_ctl stop against a stale postmaster.pid
                Runtime.getRuntime().halt(SERVER_GONE);
            }
        }
    }

    /**
     * Stops a postmaster still running in {@code dataDir} after its launcher went away (killed hard):
     * PostgreSQL detaches into a session of its own, so stopping the launcher does not reach it.
     * SIGINT is PostgreSQL's fast shutdown (clients are disconnected, no commit is lost); SIGKILL after
     * {@code grace}. Returns the PID it stopped, empty when nothing ran there.
     */
    public static OptionalLong stopLeftoverServer(Path dataDir, Duration grace) {
        OptionalLong pid = PostgresServer.postmasterPid(dataDir);
        if (pid.isEmpty() || !ChildProcess.isRunning(pid.getAsLong())) {
            return OptionalLong.empty();
        }
        ProcessHandle postmaster = ProcessHandle.of(pid.getAsLong()).orElse(null);
        boolean isPostgres = postmaster != null
                && postmaster.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false);
        if (!isPostgres) {
            return OptionalLong.empty(); // a stale postmaster.pid whose PID another process now has
        }
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(pid.getAsLong())).inheritIO().start().waitFor();
        } catch (IOException e) {
            postmaster.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Instant deadline = Instant.now().plus(grace);
        while (ChildProcess.isRunning(pid.getAsLong()) && Instant.now().isBefore(deadline)) {
            ChildProcess.sleepQuietly(200);
        }
        if (ChildProcess.isRunning(pid.getAsLong())) {
            postmaster.destroyForcibly();
        }
        return pid;
    }
}
