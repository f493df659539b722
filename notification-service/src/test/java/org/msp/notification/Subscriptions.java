package org.msp.notification;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;

/** Creates subscriptions through the public API, as a subscriber would. */
public final class Subscriptions {
    private Subscriptions() {
    }

    /** A created subscription: its id and its one-time secret (for a webhook also in the whsec_ form). */
    public record Created(String id, String secret, String webhookSecret) {
        /** The delivery log, read with the secret as bearer token. */
        public JsonPath deliveries() {
            return given().auth().oauth2(secret)
                    .when().get("/api/v1/subscriptions/{id}/deliveries", id)
                    .then().statusCode(200).extract().jsonPath();
        }
    }

    public static Created webhook(String target, String filterJson) {
        return create("WEBHOOK", target, filterJson, "ACTIVE");
    }

    /** An e-mail subscription, still waiting for its confirmation link to be followed. */
    public static Created email(String address, String filterJson) {
        return create("EMAIL", address, filterJson, "PENDING_CONFIRMATION");
    }

    private static Created create(String channel, String target, String filterJson, String expectedStatus) {
        JsonPath created = given().contentType(ContentType.JSON)
                .body("""
                        {"channel":"%s","target":"%s","filter":%s}""".formatted(channel, target, filterJson))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo(expectedStatus))
                .extract().jsonPath();
        return new Created(created.getString("id"), created.getString("secret"), created.getString("webhookSecret"));
    }
}
