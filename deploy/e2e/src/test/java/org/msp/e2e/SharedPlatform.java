package org.msp.e2e;

import org.msp.infra.ProcessPlatform;
import org.msp.infra.testing.Tokens;

import java.nio.file.Path;

/**
 * The one platform all end-to-end test classes share: starting Keycloak, Kafka, PostgreSQL and the
 * four services takes a minute or two, so it happens once per test JVM. Every part is tied to this
 * JVM and ends with it.
 */
final class SharedPlatform {
    private static ProcessPlatform platform;
    private static Tokens tokens;

    private SharedPlatform() {
    }

    static synchronized ProcessPlatform get() {
        if (platform == null) {
            platform = ProcessPlatform.start(Path.of(System.getProperty("msp.root", "../..")),
                    Path.of(System.getProperty("msp.e2e.work", "target/e2e")),
                    Path.of(System.getProperty("msp.keycloak.zip", "target/keycloak/keycloak-quarkus-dist.zip")));
            tokens = new Tokens(platform.realmUrl());
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "e2e-platform-stop"));
        }
        return platform;
    }

    /** Real Keycloak tokens for the realm's demo users. */
    static synchronized Tokens tokens() {
        get();
        return tokens;
    }

    static String url(String service, String path) {
        return get().url(service) + path;
    }
}
