package org.msp.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A server started as a child process whose output goes to a log file. */
public final class ChildProcess {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command}. With {@code tiedToParent} the child's stdin stays a pipe to this JVM
     * (see {@link ExitWithParent}); otherwise it reads /dev/null and outlives this JVM.
     */
    public static ChildProcess start(String name, List<String> command, Path workDir, Path log,
            java.util.Map<String, String> env, boolean tiedToParent) {
        try {
            Files.createDirectories(log.getParent());
            List<String> full = command;
            if (!tiedToParent && Files.isExecutable(SETSID)) {
                // its own session: a closing terminal does not stop it, and down.sh can end the whole group
                full = new java.util.ArrayList<>(command);
                full.add(0, SETSID.toString());
            }
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (!tiedToParent) {
                builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    /**
     * Wraps a command that does not watch its standard input (a shell script such as Keycloak's
     * kc.sh) so that it still ends with this JVM: a small bash watchdog runs it and sends it SIGTERM
     * once its stdin pipe closes; if the command ends first, the watchdog ends with its exit status.
     * Start the result with {@code tiedToParent = true}.
     */
    public static List<String> endingWithParent(List<String> command) {
        String watchdog = String.join("\n",
                "exec 3<&0",
                "\"$@\" 3<&- </dev/null & child=$!",
                "cat <&3 >/dev/null & watcher=$!",
                "trap 'kill -TERM $child $watcher 2>/dev/null; wait $child; exit 143' TERM INT",
                "wait -n",
                "if kill -0 $child 2>/dev/null; then kill -TERM $child; wait $child; exit 143; fi",
                "wait $child; status=$?; kill $watcher 2>/dev/null; exit $status");
        List<String> wrapped = new java.util.ArrayList<>(List.of("bash", "-c", watchdog, "msp-ending-with-parent"));
        wrapped.addAll(command);
        return wrapped;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status; only once the process has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /** Waits until {@code ready} holds; fails with the log's tail when the process dies or time runs out. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " before it was ready. Last lines of " + log + ":\n" + tail(log, 40));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds()
                        + " s. Last lines of " + log + ":\n" + tail(log, 40));
            }
            sleepQuietly(200);
        }
    }

    public boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM, a grace period, then SIGKILL; also ends the process's own children. */
    public void stop(Duration grace) {
        stop(process.toHandle(), grace);
    }

    public static void stop(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> descendants = handle.descendants().toList();
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            handle.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    public static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
