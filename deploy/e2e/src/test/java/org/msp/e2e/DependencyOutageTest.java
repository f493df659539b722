package org.msp.e2e;

import org.junit.jupiter.api.Test;
import org.msp.infra.ProcessPlatform;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.msp.e2e.Journeys.WAIT;
import static org.msp.e2e.Journeys.as;
import static org.msp.e2e.SharedPlatform.url;

/**
 * While PostgreSQL is down every service answers 503 with Retry-After and a problem+json saying the
 * database is unavailable — never a 500 — and serves again once it is back.
 */
class DependencyOutageTest {
    /** A read of each service that needs its database. */
    private static final Map<String, String> READS = Map.of(
            ProcessPlatform.PROJECTS, "/projects",
            ProcessPlatform.PARTNERS, "/partners",
            ProcessPlatform.REVIEWS, "/reviews",
            ProcessPlatform.NOTIFICATIONS, "/timeline");

    @Test
    void withPostgresDownEveryServiceAnswers503WithRetryAfterAndRecoversAfterwards() {
        ProcessPlatform platform = SharedPlatform.get();
        String token = SharedPlatform.tokens().of("gb-officer"); // fetched while everything is up
        platform.stopPostgres();
        try {
            READS.forEach((service, path) -> given().get(url(service, path)).then()
                    .statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("detail", containsString("database is unavailable")));
            given().auth().oauth2(token).contentType("application/json").body(Journeys.proposal("During the outage"))
                    .post(url(ProcessPlatform.PROJECTS, "/projects")).then()
                    .statusCode(503).header("Retry-After", notNullValue());
        } finally {
            platform.startPostgres();
        }
        READS.forEach((service, path) -> await("serving again: " + service).atMost(WAIT)
                .untilAsserted(() -> given().get(url(service, path)).then().statusCode(200)));
        as("gb-officer").contentType("application/json").body(Journeys.proposal("After the outage"))
                .post(url(ProcessPlatform.PROJECTS, "/projects")).then().statusCode(201)
                .body("status", equalTo("DRAFT"));
    }
}
