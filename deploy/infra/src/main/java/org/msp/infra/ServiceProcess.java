package org.msp.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * One of the platform's services, run from its built jar ({@code <module>/target/quarkus-app}) as a
 * child process and configured only through the environment variables its README documents. Used
 * by the local run and by the end-to-end tests, so both start the services the same way.
 */
public final class ServiceProcess {
    /** Quarkus's runner main class; started directly when the service must end with its parent. */
    private static final String QUARKUS_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";

    /**
     * JVM options of every service, replaced as a whole by the environment variable MSP_SERVICE_JVM_OPTS.
     * Serial GC for small heaps. C1 only: on a 2-core machine that also runs Kafka, PostgreSQL and
     * Keycloak, C2 compilation took about a third of the services' CPU for many minutes after start, so
     * the pipeline sustained fewer submissions per second in its first 5-10 minutes (measured with the
     * benchmark's tools; see the README's performance section). C1 reaches its steady state within
     * seconds, starts each service about a second sooner and keeps its resident memory about 25 MB
     * lower; once C2 had warmed up, the pipeline sustained no more with it in our runs.
     * A small initial heap: by default the JVM starts with a 64th of the machine's memory (capped by -Xmx),
     * and the serial collector's young generation, sized from that, is touched in full within seconds;
     * starting at 32 MB and growing on demand kept an idle service about 40 MB smaller (259 -> 221 MB).
     */
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** Where a service finds its database, broker and Keycloak realm, plus any extra settings. */
    public record Wiring(int httpPort, String jdbcUrl, String dbUser, String dbPassword, String kafkaBootstrapServers,
            String oidcAuthServerUrl, Map<String, String> extraEnv) {

        public Wiring {
            extraEnv = Map.copyOf(extraEnv);
        }

        /**
         * The web portal's wiring: an HTTP port, the Keycloak realm and the services' URLs in {@code env}; it has
         * no database or broker of its own, so those are left empty.
         */
        public static Wiring withoutBackends(int httpPort, String oidcAuthServerUrl, Map<String, String> env) {
            return new Wiring(httpPort, "", "", "", "", oidcAuthServerUrl, env);
        }

        /** The same wiring with {@code more} settings, e.g. the service's own Kafka login (they win over extraEnv). */
        public Wiring withExtraEnv(Map<String, String> more) {
            Map<String, String> env = new HashMap<>(extraEnv);
            env.putAll(more);
            return new Wiring(httpPort, jdbcUrl, dbUser, dbPassword, kafkaBootstrapServers, oidcAuthServerUrl, env);
        }

        Map<String, String> environment() {
            Map<String, String> env = new HashMap<>(extraEnv);
            env.put("HTTP_PORT", String.valueOf(httpPort));
            env.put("DB_URL", jdbcUrl);
            env.put("DB_USER", dbUser);
            env.put("DB_PASSWORD", dbPassword);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
            env.put("OIDC_AUTH_SERVER_URL", oidcAuthServerUrl);
            return env;
        }
    }

    private final String name;
    private final int port;
    private final ChildProcess process;

    private ServiceProcess(String name, int port, ChildProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code moduleDir}'s built service and returns at once; call {@link #awaitReady}.
     *
     * @param tiedToParent the service exits when this JVM exits (tests); false for the local run
     * @param onSpawn      learns the PID as soon as the process exists
     */
    public static ServiceProcess start(Path moduleDir, Wiring wiring, String heap, Path log, boolean tiedToParent,
            LongConsumer onSpawn) {
        String name = moduleDir.getFileName().toString();
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing");
        }
        // written before the class archive is checked, so an archive older than a new copy is replaced at once
        Path exitWithParent = tiedToParent ? exitWithParentJar(jar.getParent()) : null;
        List<String> command = new ArrayList<>(List.of(JavaRuntimes.currentJava(), "-Xmx" + heap));
        List<String> jvmOptions = jvmOptions(jar.getParent(), tiedToParent);
        command.addAll(jvmOptions);
        if (tiedToParent) {
            // the runner jar's manifest still supplies the class path; its Add-Opens only applies with -jar
            command.addAll(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "-cp", jar + ":" + exitWithParent, ExitWithParent.class.getName(), QUARKUS_MAIN));
        } else {
            command.addAll(List.of("-jar", jar.toString()));
        }
        ChildProcess process = ChildProcess.start(name, command, moduleDir, log, wiring.environment(), tiedToParent);
        jvmOptions.stream().filter(o -> o.startsWith(WRITE_ARCHIVE)).findFirst()
                .ifPresent(o -> ArchiveWriter.claimedBy(Path.of(o.substring(WRITE_ARCHIVE.length())), process.pid()));
        onSpawn.accept(process.pid());
        return new ServiceProcess(name, wiring.httpPort(), process);
    }

    static List<String> jvmOptions(Path quarkusApp, boolean tiedToParent) {
        String configured = System.getenv("MSP_SERVICE_JVM_OPTS");
        if (configured != null && !configured.isBlank()) {
            return List.of(configured.trim().split("\\s+"));
        }
        List<String> options = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        options.addAll(classDataSharing(quarkusApp, tiedToParent));
        return options;
    }

    /**
     * Application class-data sharing: the JVM writes the classes a service loaded to an archive when it
     * exits, and maps them from there on every later start instead of loading and verifying them again
     * (about 1.3 s of a 4-5 s start here). The two ways of starting have different class paths, so each has
     * its own archive; a rebuild makes the archive older than the jars, and it is then written anew.
     */
    static List<String> classDataSharing(Path quarkusApp, boolean tiedToParent) {
        Path archive = quarkusApp.resolve(tiedToParent ? "msp-classes-tied.jsa" : "msp-classes.jsa");
        try {
            if (Files.exists(archive) && olderThanAnyJar(archive, quarkusApp)) {
                Files.delete(archive);
            }
        } catch (IOException e) {
            return List.of(); // an archive we cannot check or replace is simply not used
        }
        // -Xlog:cds=off: classes the archive cannot hold are reported one per line otherwise
        if (Files.exists(archive)) {
            ArchiveWriter.done(archive);
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off");
        }
        // several instances of one service share the module folder: one of them writes the archive at exit
        return ArchiveWriter.claim(archive) ? List.of(WRITE_ARCHIVE + archive, "-Xlog:cds=off") : List.of();
    }

    private static final String WRITE_ARCHIVE = "-XX:ArchiveClassesAtExit=";

    /**
     * Who writes a missing class archive: a claim file next to it naming the instance's PID. Without it, the
     * instances started together would all dump the same file as they exit (on 2 cores, several 100 MB dumps at
     * once outlast a stop's grace period, and are then killed unwritten). A claim whose process is gone is void.
     */
    static final class ArchiveWriter {
        private static final Duration CLAIM_BEFORE_SPAWN = Duration.ofMinutes(1);

        static boolean claim(Path archive) {
            Path claim = claimFile(archive);
            try {
                if (Files.exists(claim) && isVoid(claim)) {
                    Files.deleteIfExists(claim);
                }
                Files.createFile(claim);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return false;
            } catch (IOException e) {
                return false; // run without writing one rather than fail the start
            }
        }

        static void claimedBy(Path archive, long pid) {
            try {
                Files.writeString(claimFile(archive), pid + "\n");
            } catch (IOException e) {
                // the claim stays empty and is void after a minute
            }
        }

        static void done(Path archive) {
            try {
                Files.deleteIfExists(claimFile(archive));
            } catch (IOException e) {
                // a leftover claim is harmless: it is only read while the archive is missing
            }
        }

        private static boolean isVoid(Path claim) throws IOException {
            String pid = Files.readString(claim).trim();
            if (pid.isEmpty()) {
                return Files.getLastModifiedTime(claim).toInstant().isBefore(java.time.Instant.now().minus(CLAIM_BEFORE_SPAWN));
            }
            try {
                return !ChildProcess.isRunning(Long.parseLong(pid));
            } catch (NumberFormatException e) {
                return true;
            }
        }

        private static Path claimFile(Path archive) {
            return archive.resolveSibling(archive.getFileName() + ".writer");
        }
    }

    private static boolean olderThanAnyJar(Path archive, Path quarkusApp) throws IOException {
        FileTime written = Files.getLastModifiedTime(archive);
        try (Stream<Path> files = Files.walk(quarkusApp)) {
            return files.filter(f -> f.toString().endsWith(".jar")).anyMatch(jar -> {
                try {
                    return Files.getLastModifiedTime(jar).compareTo(written) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    /** Waits until the service reports ready (its database and Kafka included). */
    public ServiceProcess awaitReady(Duration timeout) {
        process.awaitReady(() -> HttpProbe.ok(baseUrl() + "/q/health/ready"), timeout);
        return this;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return process.log();
    }

    public void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    /**
     * Where the JVM finds {@link ExitWithParent}: a jar, since class-data archives refuse a class path
     * with a non-empty directory on it (as this module's target/classes is while tests run).
     */
    private static Path exitWithParentJar(Path quarkusApp) {
        Path own = ExitWithParent.classpathEntry();
        if (!Files.isDirectory(own)) {
            return own;
        }
        String entry = ExitWithParent.class.getName().replace('.', '/') + ".class";
        Path classFile = own.resolve(entry);
        Path jar = quarkusApp.resolve("msp-exit-with-parent.jar");
        try {
            if (!Files.exists(jar) || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(classFile)) < 0) {
                Path written = quarkusApp.resolve("msp-exit-with-parent.tmp");
                try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(written))) {
                    out.putNextEntry(new JarEntry(entry));
                    Files.copy(classFile, out);
                    out.closeEntry();
                }
                Files.move(written, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + jar, e);
        }
        return jar;
    }
}
