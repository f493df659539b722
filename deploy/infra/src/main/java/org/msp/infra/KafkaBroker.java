package org.msp.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A single-node Apache Kafka 4 broker in KRaft mode (broker and controller in one process), run
 * from the jars that deploy/kafka-dist resolves from Maven Central.
 */
public final class KafkaBroker {
    public static final String LIBS_PROPERTY = "msp.kafka.libs";
    private static final String READY_LINE = "Kafka Server started";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final ChildProcess process;
    private final KafkaAccess access;

    private KafkaBroker(Path dataDir, int port, int controllerPort, ChildProcess process, KafkaAccess access) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.process = process;
        this.access = access;
    }

    /**
     * Formats {@code dataDir} on first use, then starts the broker and waits until it serves. PLAINTEXT,
     * without logins or ACLs: for a module's tests, which talk to it directly.
     *
     * @param tiedToParent the broker exits when this JVM exits (tests); false for the local run
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, boolean tiedToParent) {
        return start(dataDir, port, controllerPort, tiedToParent, false, pid -> { });
    }

    /** As above; {@code onSpawn} learns the broker's PID as soon as it exists, before it is ready. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, boolean tiedToParent,
            java.util.function.LongConsumer onSpawn) {
        return start(dataDir, port, controllerPort, tiedToParent, false, onSpawn);
    }

    /**
     * The platform's broker (local run, e2e and fault suites, bench): clients log in with SASL/SCRAM and
     * the StandardAuthorizer holds each to the ACLs of {@link KafkaAccess}; the topics exist before any
     * service connects. The users' passwords are generated once per {@code dataDir} and kept there.
     */
    public static KafkaBroker startSecured(Path dataDir, int port, int controllerPort, boolean tiedToParent) {
        return start(dataDir, port, controllerPort, tiedToParent, true, pid -> { });
    }

    /** As above; {@code onSpawn} learns the broker's PID as soon as it exists, before it is ready. */
    public static KafkaBroker startSecured(Path dataDir, int port, int controllerPort, boolean tiedToParent,
            java.util.function.LongConsumer onSpawn) {
        return start(dataDir, port, controllerPort, tiedToParent, true, onSpawn);
    }

    private static KafkaBroker start(Path dataDir, int port, int controllerPort, boolean tiedToParent,
            boolean secured, java.util.function.LongConsumer onSpawn) {
        dataDir = dataDir.toAbsolutePath(); // the broker runs inside it: relative paths would point elsewhere
        Path libs = locateLibs();
        boolean formatted = Files.exists(dataDir.resolve("data/meta.properties"));
        if (secured && formatted && !KafkaAccess.existsIn(dataDir)) {
            throw new IllegalStateException(KafkaAccess.formattedWithoutUsers(dataDir));
        }
        KafkaAccess access = secured ? KafkaAccess.loadOrGenerate(dataDir) : null;
        Path config = writeConfig(dataDir, port, controllerPort, access);
        String java = JavaRuntimes.currentJava();
        String classpath = libs.toAbsolutePath() + "/*";
        Map<String, String> env = Map.of();
        List<String> jvm = List.of(java, "-Xms64m", "-Xmx" + System.getProperty("msp.kafka.heap", "512m"),
                "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + writeLog4jConfig(dataDir),
                "-Dkafka.logs.dir=" + dataDir.resolve("logs"));

        Path log = dataDir.resolve("broker.log");
        if (!formatted) {
            List<String> format = new ArrayList<>(List.of("-cp", classpath, "kafka.tools.StorageTool", "format",
                    "--standalone", "-t", clusterId(), "-c", config.toString()));
            if (access != null) {
                // the SCRAM users go into the first metadata: nobody could log in to add them later
                for (String user : access.scramUsers()) {
                    format.addAll(List.of("--add-scram", KafkaAccess.SASL_MECHANISM + "=[name=" + user + ",password="
                            + access.password(user) + "]"));
                }
            }
            format(dataDir, jvm, format, log, env);
        }

        List<String> command = new ArrayList<>(jvm);
        if (tiedToParent) {
            command.addAll(List.of("-cp", classpath + ":" + ExitWithParent.classpathEntry(), ExitWithParent.class.getName()));
        } else {
            command.addAll(List.of("-cp", classpath));
        }
        command.addAll(List.of("kafka.Kafka", config.toString()));
        ChildProcess broker = ChildProcess.start("kafka", command, dataDir, log, env, tiedToParent);
        onSpawn.accept(broker.pid());
        KafkaBroker started = new KafkaBroker(dataDir, port, controllerPort, broker, access);
        long logSizeBefore = ChildProcess.logSize(log);
        broker.awaitReady(() -> broker.logContainsSince(READY_LINE, logSizeBefore) && Ports.isListening(port), Duration.ofSeconds(120));
        if (access != null) {
            access.writeClientConfigs(started.bootstrapServers());
            if (!access.grantsApplied()) {
                try {
                    grant(started, libs, java);
                } catch (RuntimeException e) {
                    started.stop();
                    throw e;
                }
                access.recordGrantsApplied();
            }
        }
        return started;
    }

    /**
     * Runs the format tool with its arguments in a private argument file ({@code java @file}), so the
     * passwords never show on a command line other users of the machine can list.
     */
    private static void format(Path dataDir, List<String> jvm, List<String> arguments, Path log, Map<String, String> env) {
        Path argumentFile = dataDir.resolve("format.args");
        StringBuilder lines = new StringBuilder();
        for (String argument : jvm.subList(1, jvm.size())) {
            lines.append(quoted(argument)).append('\n');
        }
        arguments.forEach(argument -> lines.append(quoted(argument)).append('\n'));
        KafkaAccess.writePrivate(argumentFile, lines.toString());
        try {
            ChildProcess formatting = ChildProcess.start("kafka-storage-format", List.of(jvm.get(0), "@" + argumentFile),
                    dataDir, log, env, false);
            formatting.awaitReady(() -> !formatting.isAlive(), Duration.ofSeconds(60));
            if (formatting.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka data directory failed (exit "
                        + formatting.exitValue() + "). Last lines of " + log + ":\n" + ChildProcess.tail(log, 40));
            }
        } finally {
            try {
                Files.deleteIfExists(argumentFile);
            } catch (IOException e) {
                // private to its owner, and rewritten on the next format
            }
        }
    }

    /** A {@code java @file} argument: quoted, so spaces in paths survive; backslashes and quotes escaped. */
    private static String quoted(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Creates the topics and ACLs ({@link KafkaGrants}) in a JVM of the broker's jars, as the operator. */
    private static void grant(KafkaBroker broker, Path libs, String java) {
        Path log = broker.dataDir.resolve("grants.log");
        List<String> command = List.of(java, "-Xmx128m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + writeToolLog4jConfig(broker.dataDir),
                "-cp", libs.toAbsolutePath() + "/*:" + ExitWithParent.classpathEntry(),
                KafkaGrants.class.getName(), broker.bootstrapServers(), broker.dataDir.toString());
        ChildProcess granting = ChildProcess.start("kafka-grants", command, broker.dataDir, log, Map.of(), false);
        granting.awaitReady(() -> !granting.isAlive(), Duration.ofSeconds(120));
        if (granting.exitValue() != 0) {
            throw new IllegalStateException("creating the platform's topics and ACLs failed (exit "
                    + granting.exitValue() + "). Last lines of " + log + ":\n" + ChildProcess.tail(log, 40));
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Whether clients must log in (SASL/SCRAM) and are held to ACLs: see {@link #startSecured}. */
    public boolean secured() {
        return access != null;
    }

    /** The users and passwords of a secured broker. */
    public KafkaAccess access() {
        if (access == null) {
            throw new IllegalStateException("the broker in " + dataDir + " runs PLAINTEXT, without users");
        }
        return access;
    }

    /** Client properties of the operator (a super user): bootstrap servers, and its login when secured. */
    public Map<String, Object> clientConfig() {
        return access == null ? Map.of("bootstrap.servers", bootstrapServers())
                : access.clientConfig(KafkaAccess.ADMIN, bootstrapServers());
    }

    /** Client properties that log in as {@code user} (a service's name, or {@link KafkaAccess#ADMIN}). */
    public Map<String, Object> clientConfig(String user) {
        return access().clientConfig(user, bootstrapServers());
    }

    /** The environment variables that hand {@code service} its own login; none for a PLAINTEXT broker. */
    public Map<String, String> serviceEnvironment(String service) {
        return access == null ? Map.of() : access.environment(service);
    }

    /** A properties file with {@code user}'s client settings, for Kafka's command-line tools. */
    public Path clientConfigFile(String user) {
        return access().clientConfigFile(user);
    }

    public int controllerPort() {
        return controllerPort;
    }

    public long pid() {
        return process.pid();
    }

    public Path dataDir() {
        return dataDir;
    }

    public void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort, KafkaAccess access) {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "log.dirs=" + dataDir.resolve("data").toAbsolutePath(),
                // the platform's topics: three partitions so per-project ordering is meaningful
                "num.partitions=" + KafkaAccess.PARTITIONS,
                // only a super user may create topics on a secured broker; the services' topics exist beforehand
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168"));
        if (access == null) {
            lines.addAll(List.of(
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"));
        } else {
            lines.addAll(List.of(
                    "listeners=SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "inter.broker.listener.name=SASL_PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                    // clients and the broker itself (inter-broker, as the operator) log in with SCRAM
                    "listener.name.sasl_plaintext.sasl.enabled.mechanisms=" + KafkaAccess.SASL_MECHANISM,
                    "sasl.mechanism.inter.broker.protocol=" + KafkaAccess.SASL_MECHANISM,
                    "listener.name.sasl_plaintext." + KafkaAccess.SASL_MECHANISM.toLowerCase(java.util.Locale.ROOT)
                            + ".sasl.jaas.config=" + access.jaasConfig(KafkaAccess.ADMIN),
                    // The controller listener cannot use SCRAM (its users are in the metadata it serves), so it
                    // takes PLAIN with one user, "controller", whose password is only in this file (mode 0600)
                    // and the data folder's credentials: no anonymous principal exists anywhere, and a local
                    // process reaching the controller port without that password is refused.
                    "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                    "sasl.mechanism.controller.protocol=PLAIN",
                    "listener.name.controller.plain.sasl.jaas.config=" + access.controllerJaasConfig(),
                    "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                    "allow.everyone.if.no.acl.found=false",
                    // the operator, and the broker's own principal on the controller listener, which must
                    // register the broker and run the quorum (CLUSTER_ACTION); both log in with a password
                    "super.users=User:" + KafkaAccess.ADMIN + ";User:" + KafkaAccess.CONTROLLER));
        }
        lines.add("");
        Path file = dataDir.resolve("server.properties");
        // private: a secured broker's configuration holds its own logins
        KafkaAccess.writePrivate(file, String.join("\n", lines));
        return file;
    }

    /** The broker logs to stdout (our log file); INFO is enough to see "Kafka Server started". */
    private static String writeLog4jConfig(Path dataDir) {
        return writeLog4jConfig(dataDir, "log4j2.properties", """
                rootLogger.level = INFO
                logger.log.name = kafka.log
                logger.log.level = WARN
                logger.storage.name = org.apache.kafka.storage
                logger.storage.level = WARN
                """);
    }

    /** Warnings only, for the short-lived grants tool. */
    private static String writeToolLog4jConfig(Path dataDir) {
        return writeLog4jConfig(dataDir, "tools-log4j2.properties", "rootLogger.level = WARN\n");
    }

    private static String writeLog4jConfig(Path dataDir, String name, String levels) {
        String config = """
                appender.stdout.type = Console
                appender.stdout.name = STDOUT
                appender.stdout.layout.type = PatternLayout
                appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.appenderRef.stdout.ref = STDOUT
                """ + levels;
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(name);
            Files.writeString(file, config);
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A random Kafka cluster id; never one starting with '-', which the format command reads as an option. */
    private static String clusterId() {
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        } while (id.startsWith("-"));
        return id;
    }

    /** The broker jars: -Dmsp.kafka.libs, MSP_KAFKA_LIBS, or deploy/kafka-dist/target/lib above the working dir. */
    static Path locateLibs() {
        Optional<Path> configured = Optional.ofNullable(System.getProperty(LIBS_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv("MSP_KAFKA_LIBS")))
                .map(Path::of);
        if (configured.isPresent()) {
            return requireJars(configured.get());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/kafka-dist/target/lib");
            if (Files.isDirectory(candidate)) {
                return requireJars(candidate);
            }
        }
        throw new IllegalStateException("Kafka broker jars not found: build deploy/kafka-dist first"
                + " (./mvnw -B -pl deploy/kafka-dist generate-resources) or set MSP_KAFKA_LIBS.");
    }

    private static Path requireJars(Path dir) {
        try (var jars = Files.list(dir)) {
            if (jars.noneMatch(p -> p.getFileName().toString().startsWith("kafka_2.13"))) {
                throw new IllegalStateException("no kafka_2.13 jar in " + dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
