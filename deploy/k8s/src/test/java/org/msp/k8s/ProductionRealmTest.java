package org.msp.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.util.JsonSerialization;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production realm (keycloak/realm-import.yml), read by keycloak-core's RealmRepresentation as Keycloak's own
 * import reads it, but failing on any field Keycloak does not know: no users, no secret in the file, PKCE on the
 * public client, no password grant, brute-force protection and e-mail verification on. Its clients and roles
 * are the demo realm's (deploy/keycloak/msp-realm.json), so the services and the portal work unchanged.
 */
class ProductionRealmTest {
    private static final ObjectMapper STRICT = JsonSerialization.mapper.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static JsonNode importResource() {
        return Manifests.named("KeycloakRealmImport", "msp-realm");
    }

    static RealmRepresentation production() throws Exception {
        return STRICT.treeToValue(importResource().path("spec").path("realm"), RealmRepresentation.class);
    }

    static RealmRepresentation demo() throws Exception {
        return STRICT.readValue(Manifests.root().resolve(Path.of("deploy/keycloak/msp-realm.json")).toFile(),
                RealmRepresentation.class);
    }

    @Test
    void noUsersAndNoSecretsInTheFile() throws Exception {
        RealmRepresentation realm = production();
        assertTrue(realm.getUsers() == null || realm.getUsers().isEmpty(), "the production realm has users");
        for (ClientRepresentation client : realm.getClients()) {
            String secret = client.getSecret();
            assertTrue(secret == null || secret.matches("\\$\\{[A-Z_]+}"),
                    client.getClientId() + " has a secret written in the file");
            if (secret != null) {
                String placeholder = secret.substring(2, secret.length() - 1);
                JsonNode from = importResource().path("spec").path("placeholders").path(placeholder).path("secret");
                assertFalse(from.isMissingNode(), placeholder + " is not a placeholder of the import");
            }
        }
    }

    @Test
    void thePortalsSecretIsTheOneThePortalReads() throws Exception {
        ClientRepresentation portal = client(production(), "msp-portal");
        String placeholder = portal.getSecret().substring(2, portal.getSecret().length() - 1);
        JsonNode from = importResource().path("spec").path("placeholders").path(placeholder).path("secret");
        assertEquals(from.path("name").asText() + "/" + from.path("key").asText(),
                ServiceEnvironmentTest.value("web-portal", "OIDC_CLIENT_SECRET"));
    }

    @Test
    void publicClientsRequirePkceAndNoClientHasThePasswordGrant() throws Exception {
        for (ClientRepresentation client : production().getClients()) {
            assertEquals(Boolean.FALSE, client.isDirectAccessGrantsEnabled(), client.getClientId() + " allows passwords");
            assertFalse(Boolean.TRUE.equals(client.isImplicitFlowEnabled()), client.getClientId());
            if (Boolean.TRUE.equals(client.isPublicClient()) || Boolean.TRUE.equals(client.isStandardFlowEnabled())) {
                assertEquals("S256", client.getAttributes().get("pkce.code.challenge.method"), client.getClientId());
            }
            for (String redirect : client.getRedirectUris()) {
                assertFalse(redirect.equals("*") || redirect.equals("/*"), client.getClientId() + ": " + redirect);
            }
        }
        assertTrue(production().getClients().stream().anyMatch(c -> Boolean.TRUE.equals(c.isPublicClient())),
                "the command-line client stays, as a public client");
    }

    @Test
    void bruteForceProtectionAndEmailVerificationAreOn() throws Exception {
        RealmRepresentation realm = production();
        assertTrue(realm.isBruteForceProtected());
        assertTrue(realm.getFailureFactor() != null && realm.getFailureFactor() <= 10);
        assertTrue(realm.isVerifyEmail());
        assertTrue(realm.isRegistrationAllowed(), "civil society registers itself (SPEC §4)");
        assertFalse("none".equals(realm.getSslRequired()));
        assertTrue(realm.getPasswordPolicy() != null && realm.getPasswordPolicy().contains("length("));
    }

    @Test
    void theClientsRolesAndMappersAreTheDemoRealms() throws Exception {
        RealmRepresentation demo = demo();
        RealmRepresentation production = production();
        assertEquals(demo.getRealm(), production.getRealm());
        assertEquals(roleNames(demo.getRoles().getRealm()), roleNames(production.getRoles().getRealm()));
        assertEquals(demo.getDefaultRole().getName(), production.getDefaultRole().getName());
        assertEquals(clientIds(demo), clientIds(production));
        for (ClientRepresentation client : production.getClients()) {
            ClientRepresentation before = client(demo, client.getClientId());
            assertEquals(mappers(before), mappers(client), client.getClientId() + "'s token mappers (country, audience)");
            assertEquals(before.isPublicClient(), client.isPublicClient(), client.getClientId());
        }
        assertEquals(STRICT.valueToTree(demo.getComponents()), STRICT.valueToTree(production.getComponents()),
                "the user profile (country attribute)");
    }

    private static ClientRepresentation client(RealmRepresentation realm, String clientId) {
        return realm.getClients().stream().filter(c -> c.getClientId().equals(clientId)).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static Set<String> clientIds(RealmRepresentation realm) {
        return realm.getClients().stream().map(ClientRepresentation::getClientId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> roleNames(List<RoleRepresentation> roles) {
        return roles.stream().map(RoleRepresentation::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> mappers(ClientRepresentation client) {
        return client.getProtocolMappers() == null ? Set.of() : client.getProtocolMappers().stream()
                .map(m -> m.getName() + ":" + m.getProtocolMapper() + ":" + new java.util.TreeMap<>(m.getConfig()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
