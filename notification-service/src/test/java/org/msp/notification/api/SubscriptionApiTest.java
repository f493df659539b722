package org.msp.notification.api;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.notification.Subscriptions;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class SubscriptionApiTest {
    static final String TARGET = "http://127.0.0.1:9/hook";

    @Inject
    EntityManager entityManager;

    @Test
    void anyoneMayCreateAWebhookSubscriptionAndGetsItsSecretOnce() {
        String id = given().contentType(ContentType.JSON)
                .body("""
                        {"channel":"WEBHOOK","target":"%s","filter":{"countries":["ZM","EU"],"minerals":["COBALT"],
                         "eventTypes":["org.msp.esg.review-completed.v1"]}}""".formatted(TARGET))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/subscriptions/"))
                .body("secret", startsWith("mspsub_"))
                .body("status", equalTo("ACTIVE"))
                .body("filter.countries", equalTo(List.of("EU", "ZM")))
                .body("filter.minerals", equalTo(List.of("COBALT")))
                .extract().path("id");
        assertEquals(0, storedSecretsLike("mspsub_%", id), "only a hash and a ciphertext of the secret are stored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/hook", "http://169.254.169.254/latest/meta-data/",
            "http://[fe80::1]/hook", "not a url", "mailto:someone@example.org", "http:///no-host",
            "http://user:pass@127.0.0.1/hook", "http://0.0.0.0/hook",
            // cloud metadata (169.254.169.254) inside IPv6: IPv4-mapped, IPv4-compatible, NAT64 and 6to4
            "http://[::ffff:169.254.169.254]/hook", "http://[::169.254.169.254]/hook",
            "http://[64:ff9b::a9fe:a9fe]/hook", "http://[2002:a9fe:a9fe::1]/hook"})
    void badWebhookTargetsAreRefused(String target) {
        given().contentType(ContentType.JSON)
                .body("""
                        {"channel":"WEBHOOK","target":"%s"}""".formatted(target))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("target"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"countries\":[\"ZZZ\"]}|filter.countries[0]",
            "{\"projectIds\":[\"42\"]}|filter.projectIds[0]",
            "{\"minerals\":[\"GOLD\"]}|filter.minerals[0]",
            "{\"eventTypes\":[\"org.msp.project.created.v1\"]}|filter.eventTypes[0]",
            "{\"eventTypes\":[\"org.msp.project.submitted.v1\",\"\"]}|filter.eventTypes[1]",
            "{\"colour\":\"red\"}|filter.colour",
            "{\"countries\":\"ZM\"}|filter.countries"})
    void malformedFiltersAreRefusedNamingTheField(String filter, String field) {
        given().contentType(ContentType.JSON)
                .body("""
                        {"channel":"WEBHOOK","target":"%s","filter":%s}""".formatted(TARGET, filter))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aSubscriptionNeedsAKnownChannel() {
        given().contentType(ContentType.JSON).body("{\"channel\":\"SMS\",\"target\":\"" + TARGET + "\"}")
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400).body("errors.field", hasItem("channel"));
        given().contentType(ContentType.JSON).body("{\"target\":\"" + TARGET + "\"}")
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400).body("errors.field", hasItem("channel"));
    }

    @Test
    void anEmailSubscriptionWaitsForConfirmationAndKeepsNoSecretInClear() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"channel\":\"EMAIL\",\"target\":\" Someone@Example.ORG \"}")
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201)
                .body("status", equalTo("PENDING_CONFIRMATION"))
                .body("target", equalTo("Someone@example.org"))
                .body("secret", startsWith("mspsub_"))
                .extract().path("id");
        assertEquals(0, storedSecretsLike("mspsub_%", id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-address", "someone@localhost", "someone@", "@example.org",
            "a@b@example.org", "Someone <someone@example.org>", "one@example.org, two@example.org",
            "one@example.org\\r\\nBcc: two@example.org", "some one@example.org", "someone@[127.0.0.1]",
            "someone@example.org.", "\\\"quoted\\\"@example.org", "someone@exa_mple.org",
            "https://example.org/hook"})
    void badEmailAddressesAreRefusedNamingTheTarget(String target) {
        given().contentType(ContentType.JSON)
                .body("""
                        {"channel":"EMAIL","target":"%s"}""".formatted(target))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("target"));
    }

    @Test
    void onlyTheSecretsHolderMayReadTheDeliveriesAndDelete() {
        Subscriptions.Created mine = Subscriptions.webhook(TARGET, matchingNothing());
        Subscriptions.Created someoneElses = Subscriptions.webhook(TARGET, matchingNothing());

        given().when().get("/api/v1/subscriptions/{id}/deliveries", mine.id()).then().statusCode(401);
        given().auth().oauth2(someoneElses.secret())
                .when().get("/api/v1/subscriptions/{id}/deliveries", mine.id()).then().statusCode(403);
        given().auth().oauth2(mine.secret())
                .when().get("/api/v1/subscriptions/{id}/deliveries", mine.id())
                .then().statusCode(200).body("total", equalTo(0));

        given().when().delete("/api/v1/subscriptions/{id}", mine.id())
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-MSP-Subscription-Secret", someoneElses.secret())
                .when().delete("/api/v1/subscriptions/{id}", mine.id()).then().statusCode(403);
        given().auth().oauth2(mine.secret())
                .when().delete("/api/v1/subscriptions/{id}", mine.id()).then().statusCode(204);

        given().auth().oauth2(mine.secret())
                .when().get("/api/v1/subscriptions/{id}/deliveries", mine.id()).then().statusCode(404);
        given().auth().oauth2(mine.secret())
                .when().delete("/api/v1/subscriptions/{id}", mine.id()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "secretariat-officer", roles = "secretariat")
    void theSecretariatManagesAnySubscriptionWithoutItsSecret() {
        Subscriptions.Created subscription = Subscriptions.webhook(TARGET, matchingNothing());
        given().when().get("/api/v1/subscriptions/{id}/deliveries", subscription.id())
                .then().statusCode(200).body("total", equalTo(0));
        given().when().delete("/api/v1/subscriptions/{id}", subscription.id()).then().statusCode(204);
    }

    @Test
    @TestSecurity(user = "reader", roles = "civil-society")
    void anotherRoleStillNeedsTheSecret() {
        Subscriptions.Created subscription = Subscriptions.webhook(TARGET, matchingNothing());
        given().when().delete("/api/v1/subscriptions/{id}", subscription.id()).then().statusCode(401);
    }

    /** A filter on a project that never has events, so these subscriptions stay quiet. */
    static String matchingNothing() {
        return "{\"projectIds\":[\"" + UUID.randomUUID() + "\"]}";
    }

    @Transactional
    long storedSecretsLike(String pattern, String id) {
        return ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM subscription WHERE id = CAST(?1 AS uuid)
                        AND (secret_hash LIKE ?2 OR secret_ciphertext LIKE ?2 OR target LIKE ?2)""")
                .setParameter(1, id).setParameter(2, pattern).getSingleResult()).longValue();
    }
}
