package org.msp.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
        return logContainsSince(text, 0);
    }

    /**
     * Whether {@code text} was logged after the first {@code offset} bytes: a restart appends to the
     * same log, so a line from the earlier run must not count.
     */
    public boolean logContainsSince(String text, long offset) {
        try {
            if (logSize(log) <= offset) {
                return false;
            }
            try (var channel = Files.newByteChannel(log)) {
                channel.position(offset);
                byte[] rest = new byte[(int) Math.min(channel.size() - offset, 4_000_000)];
                channel.read(java.nio.ByteBuffer.wrap(rest));
                return new String(rest, StandardCharsets.ISO_8859_1).contains(text);
            }
        } catch (IOException e) {
            return false;
        }
    }

    public static long logSize(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Whether the process runs. A killed process stays a zombie until its parent (for a detached
     * server: init) reaps it, and the JVM and {@code kill -0} still count a zombie as alive. The main
     * thread of a killed JVM turns zombie before its other threads are gone, and its ports stay bound
     * until the last one is: so it has ended only once no other thread remains.
     */
    public static boolean isRunning(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            if (state != 'Z' && state != 'X') {
                return true;
            }
            try (var threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
                return threads.count() > 1;
            }
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            return handle.get().isAlive(); // no /proc here: the JVM's word
        }
    }

    /**
     * Processes still running in the session a part was started in ({@link #start} gives each
     * detached part a session whose id is its PID), e.g. Keycloak's JVM after its kc.sh was killed.
     * Empty when the session's leader runs: then it is the leader's own business. Linux only (/proc).
     */
    public static List<ProcessHandle> leftoversOfSession(long sessionId) {
        if (ProcessHandle.of(sessionId).isPresent()) {
            return List.of(); // the leader, or a new process that reused its PID: not ours to clear away
        }
        try (var entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(pid -> sessionOf(pid) == sessionId && isRunning(pid))
                    .map(ProcessHandle::of)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static long sessionOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
            // after "pid (comm)": state, ppid, pgrp, session
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[3]);
        } catch (IOException | RuntimeException e) {
            return -1;
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
            // SIGKILL takes effect asynchronously: until the process has exited its ports stay bound
            Instant deadline = Instant.now().plusSeconds(10);
            while (isRunning(handle.pid()) && Instant.now().isBefore(deadline)) {
                sleepQuietly(100);
            }
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
