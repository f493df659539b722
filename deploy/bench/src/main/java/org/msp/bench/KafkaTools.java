package org.msp.bench;

import org.msp.infra.JavaRuntimes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kafka's own perf tools (ConsumerPerformance, ProducerPerformance), the baselines: each runs as a JVM of
 * its own from the broker jars in deploy/kafka-dist/target/lib, its output kept in the bench's logs.
 */
final class KafkaTools {
    final Platform platform;
    final Path kafkaLibs;

    KafkaTools(Platform platform) {
        this.platform = platform;
        this.kafkaLibs = platform.root.resolve("deploy/kafka-dist/target/lib");
    }

    List<String> kafkaTool(String main, String... args) throws IOException {
        Path log4j = platform.work.resolve("tools-log4j2.properties");
        Files.writeString(log4j, "rootLogger.level = WARN\nrootLogger.appenderRef.stdout.ref = STDERR\n"
                + "appender.stderr.type = Console\nappender.stderr.name = STDERR\nappender.stderr.target = SYSTEM_ERR\n"
                + "appender.stderr.layout.type = PatternLayout\nappender.stderr.layout.pattern = [%d] %p %m (%c)%n\n");
        List<String> cmd = new ArrayList<>(List.of(JavaRuntimes.currentJava(), "-Xmx512m",
                "-Dlog4j2.configurationFile=" + log4j.toUri(), "-cp", kafkaLibs.toAbsolutePath() + "/*", main));
        cmd.addAll(List.of(args));
        return cmd;
    }

    String runTool(List<String> cmd, String logName, int timeoutSeconds) throws Exception {
        Path log = platform.logs.resolve(logName);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(logName + ": no result within " + timeoutSeconds + " s");
        }
        return Files.readString(log);
    }
}
