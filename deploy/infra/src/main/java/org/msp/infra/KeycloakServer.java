package org.msp.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its Maven Central distribution zip, in dev mode (H2 file database inside the
 * unpacked distribution), with the {@code msp} realm imported from the project's realm file.
 */
public final class KeycloakServer {
    public static final int MINIMUM_JAVA = 21;

    private final int port;
    private final ChildProcess process;

    private KeycloakServer(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    /** Unpacks the distribution zip into {@code parent} once; returns the distribution's folder. */
    public static Path unpack(Path zip, Path parent) {
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            Path root = null;
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = parent.resolve(entry.getName()).normalize();
                if (!target.startsWith(parent)) {
                    throw new IOException("zip entry outside the target folder: " + entry.getName());
                }
                if (root == null) {
                    root = parent.resolve(Path.of(entry.getName()).getName(0));
                    if (Files.exists(root.resolve("bin/kc.sh"))) {
                        return root;
                    }
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (root == null) {
                throw new IOException("empty zip: " + zip);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + zip, e);
        }
    }

    /**
     * Starts Keycloak on 127.0.0.1:{@code port}; the issuer is always http://localhost:port so
     * tokens fetched through either host name validate in the services.
     */
    public static KeycloakServer start(Path distribution, Path realmFile, int port, Path log, boolean tiedToParent,
            java.util.function.LongConsumer onSpawn) {
        Path javaHome = JavaRuntimes.javaHomeAtLeast(MINIMUM_JAVA);
        try {
            Path imports = Files.createDirectories(distribution.resolve("data/import"));
            Files.copy(realmFile, imports.resolve("msp-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of("bash", distribution.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-host=127.0.0.1", "--hostname=http://localhost:" + port,
                "--import-realm", "--health-enabled=false", "--log-level=INFO");
        Map<String, String> env = Map.of(
                "JAVA_HOME", javaHome.toString(),
                "JAVA_OPTS_APPEND", "-Xms64m -Xmx" + System.getProperty("msp.keycloak.heap", "512m")
                        + " --add-opens=java.base/java.lang=ALL-UNNAMED"
                        + (JavaRuntimes.majorVersion(javaHome) >= 24 ? " --sun-misc-unsafe-memory-access=allow" : ""),
                "KC_BOOTSTRAP_ADMIN_USERNAME", env("KEYCLOAK_ADMIN", "admin"),
                "KC_BOOTSTRAP_ADMIN_PASSWORD", env("KEYCLOAK_ADMIN_PASSWORD", "admin"));
        ChildProcess kc = ChildProcess.start("keycloak", tiedToParent ? ChildProcess.endingWithParent(command) : command,
                distribution, log, env, tiedToParent);
        onSpawn.accept(kc.pid());
        KeycloakServer server = new KeycloakServer(port, kc);
        kc.awaitReady(server::realmServed, Duration.ofSeconds(240));
        return server;
    }

    public String realmUrl() {
        return "http://localhost:" + port + "/realms/msp";
    }

    public long pid() {
        return process.pid();
    }

    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    /** True once the realm's discovery document is served. */
    public boolean realmServed() {
        return isRealmServed(port);
    }

    public static boolean isRealmServed(int port) {
        return HttpProbe.ok("http://127.0.0.1:" + port + "/realms/msp/.well-known/openid-configuration");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
