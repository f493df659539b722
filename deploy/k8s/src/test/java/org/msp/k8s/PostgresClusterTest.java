package org.msp.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CloudNativePG: one Cluster, a database and a role per service. No Java model of CloudNativePG's CRDs could be had
 * here (deploy/k8s/README.md), so this checks the fields the platform depends on, and that each service's
 * DB_URL, DB_USER and DB_PASSWORD point at what the Cluster makes.
 */
class PostgresClusterTest {

    @Test
    void threeInstancesWithSynchronousReplication() {
        JsonNode spec = Manifests.named("Cluster", "msp-postgres").path("spec");
        assertEquals("postgresql.cnpg.io/v1", Manifests.named("Cluster", "msp-postgres").path("apiVersion").asText());
        assertEquals(3, spec.path("instances").asInt());
        JsonNode synchronous = spec.path("postgresql").path("synchronous");
        assertEquals("any", synchronous.path("method").asText());
        assertTrue(synchronous.path("number").asInt() >= 1);
        assertEquals("required", synchronous.path("dataDurability").asText());
        assertEquals("on", spec.path("postgresql").path("parameters").path("synchronous_commit").asText());
    }

    @Test
    void eachServiceHasItsOwnDatabaseOwnedByItsOwnRole() {
        Map<String, String> roleSecrets = new HashMap<>();
        for (JsonNode role : Manifests.named("Cluster", "msp-postgres").path("spec").path("managed").path("roles")) {
            assertTrue(role.path("login").asBoolean(), role.toString());
            roleSecrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
        }
        Map<String, String> owners = new HashMap<>();
        for (JsonNode database : Manifests.ofKind("Database")) {
            assertEquals("msp-postgres", database.path("spec").path("cluster").path("name").asText());
            owners.put(database.path("spec").path("name").asText(), database.path("spec").path("owner").asText());
        }
        Set<String> used = new TreeSet<>();
        for (String service : Manifests.SERVICES) {
            String url = ServiceEnvironmentTest.value(service, "DB_URL");
            assertTrue(url.startsWith("jdbc:postgresql://msp-postgres-rw:5432/"), service + ": " + url);
            String database = url.substring(url.lastIndexOf('/') + 1);
            assertTrue(used.add(database), service + " shares the database " + database);
            String owner = owners.get(database);
            assertTrue(owner != null, "no Database resource for " + database);
            String secret = roleSecrets.get(owner);
            assertEquals(secret + "/username", ServiceEnvironmentTest.value(service, "DB_USER"), service);
            assertEquals(secret + "/password", ServiceEnvironmentTest.value(service, "DB_PASSWORD"), service);
        }
        JsonNode keycloakDb = Manifests.named("Keycloak", "msp-keycloak").path("spec").path("db");
        assertEquals(roleSecrets.get(owners.get(keycloakDb.path("database").asText())),
                keycloakDb.path("passwordSecret").path("name").asText(), "Keycloak's database login");
    }
}
