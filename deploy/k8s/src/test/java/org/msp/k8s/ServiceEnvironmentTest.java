package org.msp.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every environment variable a Deployment sets is one its application reads: a ${VAR} of its
 * application.properties (or, for the services, of platform-commons' shared microprofile-config.properties). A misspelt or stale variable would otherwise be ignored in silence, leaving a default
 * (a localhost URL, the public demo encryption key) in production.
 */
class ServiceEnvironmentTest {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    /** Read by something other than the properties, each for the reason given. */
    private static final Map<String, String> READ_ELSEWHERE = Map.of(
            "JAVA_TOOL_OPTIONS", "the JVM itself (heap and compiler options, as the launchers pass them)",
            "KUBERNETES_NAMESPACE", "added by quarkus-kubernetes to every container; harmless, read by nothing");

    static Set<String> variablesRead(String application) {
        String properties = Manifests.read(Manifests.root().resolve(application)
                .resolve("src/main/resources/application.properties"));
        if (!application.equals("web-portal")) {
            // the four services also read the settings they share from platform-commons
            properties += Manifests.read(Manifests.root()
                    .resolve("platform-commons/src/main/resources/META-INF/microprofile-config.properties"));
        }
        Set<String> read = new TreeSet<>();
        Matcher matcher = REFERENCE.matcher(properties);
        while (matcher.find()) {
            read.add(matcher.group(1));
        }
        return read;
    }

    @Test
    void everyVariableSetIsOneTheApplicationReads() {
        for (String application : Manifests.APPLICATIONS) {
            Set<String> read = variablesRead(application);
            assertTrue(read.contains("HTTP_PORT"), application + ": no ${...} read from its properties?");
            Set<String> unread = new TreeSet<>();
            for (JsonNode env : container(application).path("env")) {
                String name = env.path("name").asText();
                if (!read.contains(name) && !READ_ELSEWHERE.containsKey(name)) {
                    unread.add(name);
                }
            }
            assertEquals(Set.of(), unread, application + " sets variables it never reads");
        }
    }

    @Test
    void secretsAreNeverWrittenAsValues() {
        Set<String> secret = Set.of("DB_PASSWORD", "KAFKA_SASL_JAAS_CONFIG", "SUBSCRIPTION_ENCRYPTION_KEY",
                "MAILER_PASSWORD", "OIDC_CLIENT_SECRET", "PORTAL_STATE_SECRET", "PORTAL_SESSION_SECRET", "PORTAL_CSRF_KEY");
        for (String application : Manifests.APPLICATIONS) {
            for (JsonNode env : container(application).path("env")) {
                if (secret.contains(env.path("name").asText())) {
                    assertTrue(env.has("valueFrom") && !env.has("value"),
                            application + " writes " + env.path("name").asText() + " in the manifest");
                }
            }
        }
    }

    @Test
    void everySecretTheNotificationAndPortalNeedIsSet() {
        // their defaults are public (README): production must set them
        assertTrue(names("notification-service").contains("SUBSCRIPTION_ENCRYPTION_KEY"));
        assertTrue(names("web-portal").containsAll(Set.of("OIDC_CLIENT_SECRET", "PORTAL_STATE_SECRET",
                "PORTAL_SESSION_SECRET", "PORTAL_CSRF_KEY", "PORTAL_SECURE_COOKIES")));
    }

    static JsonNode container(String application) {
        return Manifests.named("Deployment", application).path("spec").path("template").path("spec")
                .path("containers").get(0);
    }

    static Set<String> names(String application) {
        Set<String> names = new TreeSet<>();
        container(application).path("env").forEach(env -> names.add(env.path("name").asText()));
        return names;
    }

    /** The value of a plain variable, or the Secret and key it comes from ("secret/key"). */
    static String value(String application, String variable) {
        for (JsonNode env : container(application).path("env")) {
            if (env.path("name").asText().equals(variable)) {
                JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                return ref.isMissingNode() ? env.path("value").asText()
                        : ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        throw new AssertionError(application + " does not set " + variable);
    }
}
