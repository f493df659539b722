package org.msp.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the java binaries the launchers need: this JVM's, and a JDK 21+ for Keycloak. */
public final class JavaRuntimes {
    private JavaRuntimes() {
    }

    public static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * A JDK of at least {@code minimum}: KEYCLOAK_JAVA_HOME, then JAVA_HOME, then this JVM, then
     * the newest JDK under /usr/lib/jvm.
     */
    public static Path javaHomeAtLeast(int minimum) {
        Stream<Path> candidates = Stream.of(
                        Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")).map(Path::of),
                        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of),
                        Optional.of(Path.of(System.getProperty("java.home"))))
                .flatMap(Optional::stream);
        Stream<Path> installed = listJvms(Path.of("/usr/lib/jvm"))
                .sorted(Comparator.comparingInt(JavaRuntimes::majorVersion).reversed());
        return Stream.concat(candidates, installed)
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> majorVersion(home) >= minimum)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak needs a JDK " + minimum
                        + " or newer, and none was found (looked at KEYCLOAK_JAVA_HOME, JAVA_HOME, this JVM and"
                        + " /usr/lib/jvm). Install one and set KEYCLOAK_JAVA_HOME to it."));
    }

    private static Stream<Path> listJvms(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** The major version from the JDK's release file; 0 when unknown. */
    static int majorVersion(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = version.startsWith("1.") ? version.substring(2) : version;
                    return Integer.parseInt(major.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through: unknown
        }
        return 0;
    }
}
