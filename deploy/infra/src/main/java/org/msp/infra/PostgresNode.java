package org.msp.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongConsumer;

/**
 * Keeps an embedded PostgreSQL running for the local platform until this process is told to stop
 * (SIGTERM), then shuts the server down cleanly.
 * Usage: {@code PostgresNode <port> <data dir> <database>...}
 */
public final class PostgresNode {
    public static final String READY_LINE = "PostgreSQL is ready";

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
        ChildProcess pg = ChildProcess.start("postgresql", command, workDir, log, java.util.Map.of(), tiedToParent);
        onSpawn.accept(pg.pid());
        pg.awaitReady(() -> pg.logContains(READY_LINE), Duration.ofSeconds(120));
        return pg;
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        PostgresServer server = PostgresServer.embedded(port, Path.of(args[1]));
        Arrays.stream(args).skip(2).forEach(server::createDatabaseIfMissing);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "postgres-shutdown"));
        System.out.println(READY_LINE + " on port " + server.port() + " with databases "
                + String.join(", ", Arrays.asList(args).subList(2, args.length)));
        System.out.flush();
        stopped.await();
    }
}
