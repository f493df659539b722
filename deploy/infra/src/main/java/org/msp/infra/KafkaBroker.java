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

    private KafkaBroker(Path dataDir, int port, int controllerPort, ChildProcess process) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.process = process;
    }

    /**
     * Formats {@code dataDir} on first use, then starts the broker and waits until it serves.
     *
     * @param tiedToParent the broker exits when this JVM exits (tests); false for the local run
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, boolean tiedToParent) {
        return start(dataDir, port, controllerPort, tiedToParent, pid -> { });
    }

    /** As above; {@code onSpawn} learns the broker's PID as soon as it exists, before it is ready. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, boolean tiedToParent,
            java.util.function.LongConsumer onSpawn) {
        dataDir = dataDir.toAbsolutePath(); // the broker runs inside it: relative paths would point elsewhere
        Path libs = locateLibs();
        Path config = writeConfig(dataDir, port, controllerPort);
        String java = JavaRuntimes.currentJava();
        String classpath = libs.toAbsolutePath() + "/*";
        Map<String, String> env = Map.of();
        List<String> jvm = List.of(java, "-Xms64m", "-Xmx" + System.getProperty("msp.kafka.heap", "512m"),
                "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + writeLog4jConfig(dataDir),
                "-Dkafka.logs.dir=" + dataDir.resolve("logs"));

        Path log = dataDir.resolve("broker.log");
        if (!Files.exists(dataDir.resolve("data/meta.properties"))) {
            List<String> format = new ArrayList<>(jvm);
            format.addAll(List.of("-cp", classpath, "kafka.tools.StorageTool", "format", "--standalone",
                    "-t", clusterId(), "-c", config.toString()));
            ChildProcess formatting = ChildProcess.start("kafka-storage-format", format, dataDir, log, env, false);
            formatting.awaitReady(() -> !formatting.isAlive(), Duration.ofSeconds(60));
            if (formatting.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka data directory failed (exit "
                        + formatting.exitValue() + "). Last lines of " + log + ":\n" + ChildProcess.tail(log, 40));
            }
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
        KafkaBroker started = new KafkaBroker(dataDir, port, controllerPort, broker);
        long logSizeBefore = logSize(log);
        broker.awaitReady(() -> started.startedSince(logSizeBefore) && Ports.isListening(port), Duration.ofSeconds(120));
        return started;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
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

    private boolean startedSince(long offset) {
        try {
            Path log = process.log();
            if (logSize(log) <= offset) {
                return false;
            }
            try (var channel = Files.newByteChannel(log)) {
                channel.position(offset);
                byte[] rest = new byte[(int) Math.min(channel.size() - offset, 4_000_000)];
                channel.read(java.nio.ByteBuffer.wrap(rest));
                return new String(rest, java.nio.charset.StandardCharsets.ISO_8859_1).contains(READY_LINE);
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static long logSize(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort) {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("data").toAbsolutePath(),
                // the platform's topics: three partitions so per-project ordering is meaningful
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            Files.writeString(file, properties);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String writeLog4jConfig(Path dataDir) {
        // The broker logs to stdout (our log file); INFO is enough to see "Kafka Server started".
        String config = """
                appender.stdout.type = Console
                appender.stdout.name = STDOUT
                appender.stdout.layout.type = PatternLayout
                appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = INFO
                rootLogger.appenderRef.stdout.ref = STDOUT
                logger.log.name = kafka.log
                logger.log.level = WARN
                logger.storage.name = org.apache.kafka.storage
                logger.storage.level = WARN
                """;
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("log4j2.properties");
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
