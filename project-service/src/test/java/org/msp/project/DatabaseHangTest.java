package org.msp.project;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.PlatformTestResource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A database that stops answering for longer than a transaction may last (the fault suite freezes
 * PostgreSQL for 65-90 s; the timeout is 60 s) is a dependency that is down: the request whose
 * transaction the transaction manager rolled back meanwhile answers 503 with Retry-After once the
 * database answers again. It was a bare 500. The hang is played by a table lock held past the
 * transaction timeout, which this profile shortens to 2 s.
 */
@QuarkusTest
@TestProfile(DatabaseHangTest.ShortTransactions.class)
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class DatabaseHangTest {
    public static class ShortTransactions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.transaction-manager.default-transaction-timeout", "2S");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void aRequestWhoseTransactionTimedOutWhileTheDatabaseHungIsA503WithRetryAfter() throws Exception {
        String id = given().contentType(ContentType.JSON).body(ProposalSubmissionTest.PROPOSAL)
                .when().post("/api/v1/projects").then().statusCode(201).extract().path("id");
        try (Connection hang = dataSource.getConnection()) {
            hang.setAutoCommit(false);
            try (Statement lock = hang.createStatement()) {
                lock.execute("LOCK TABLE proposal IN ACCESS EXCLUSIVE MODE");
            }
            // the hang ends after twice the transaction timeout: the blocked query only returns then, and finds
            // its transaction timed out (the fault's length, not a wait for a condition)
            CompletableFuture<Void> thaw = CompletableFuture.runAsync(() -> {
                try {
                    hang.rollback();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, CompletableFuture.delayedExecutor(4, TimeUnit.SECONDS));
            given().when().get("/api/v1/projects/" + id + "/history/verify")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("detail", containsString("database is unavailable"));
            thaw.join();
        }
    }
}
