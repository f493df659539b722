package org.msp.esg;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.msp.esg.domain.Reviewer;
import org.msp.esg.service.ReviewService;
import org.msp.events.CloudEvent;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.project.DocumentPublished;
import org.msp.events.project.DocumentType;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A reviewer cites the project's published documents as evidence: the service learns them from
 * project-service's document-published events (made with its own record) and checks every citation's hash.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
@TestSecurity(user = "jp-reviewer", roles = "esg-reviewer")
@OidcSecurity(claims = @Claim(key = "country", value = "JP"))
class EvidenceDocumentsTest {
    private static final String SHA = "ab".repeat(32);

    @Inject
    ReviewService reviews;

    private static String rating(UUID documentId, String sha256) {
        return """
                {"rating": "MEETS", "evidence": "section 4", "evidenceDocuments": [{"documentId": "%s", "sha256": "%s"}]}"""
                .formatted(documentId, sha256);
    }

    @Test
    void aPublishedDocumentIsCitedWithItsHashAndShownWithTheItem() {
        Facts project = TestReviews.facts("ZM", "GB");
        String reviewId = TestReviews.open(reviews, project);
        reviews.assign(UUID.fromString(reviewId), new Reviewer("jp-reviewer", "JP"), "secretariat-user");
        UUID documentId = UUID.randomUUID();
        DocumentPublished published = EventSamples.documentPublished(project, documentId,
                DocumentType.environmentalImpact, SHA);
        CloudEvent<DocumentPublished> event = CloudEvent.of(published);
        KafkaTestClient.send(event.topic().address(), event.subject(), EventSamples.json(event));
        String url = "/api/v1/reviews/{id}/items/{code}";

        // until the event is consumed the document is unknown: 409 naming evidenceDocuments, nothing rated
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> given()
                .contentType(ContentType.JSON).body(rating(documentId, SHA.toUpperCase()))
                .when().put(url, reviewId, "IFC-PS1-ESIA").then().extract().statusCode() == 200);
        given().when().get("/api/v1/reviews/{id}", reviewId).then()
                .body("items.find { it.code == 'IFC-PS1-ESIA' }.evidenceDocuments[0].documentId",
                        equalTo(documentId.toString()))
                .body("items.find { it.code == 'IFC-PS1-ESIA' }.evidenceDocuments[0].sha256", equalTo(SHA))
                .body("items.find { it.code == 'IFC-PS1-ESIA' }.evidenceDocuments[0].title",
                        equalTo("Bankable feasibility study"))
                .body("items.find { it.code == 'IFC-PS1-ESIA' }.evidenceDocuments[0].documentType",
                        equalTo("environmentalImpact"));

        // a wrong hash, an unknown document, and another project's document are refused and change nothing
        given().contentType(ContentType.JSON).body(rating(documentId, "cd".repeat(32)))
                .when().put(url, reviewId, "IFC-PS3-WATER").then().statusCode(409)
                .body("errors[0].field", equalTo("evidenceDocuments"))
                .body("errors[0].message", containsString("SHA-256"));
        given().contentType(ContentType.JSON).body(rating(UUID.randomUUID(), SHA))
                .when().put(url, reviewId, "IFC-PS3-WATER").then().statusCode(409)
                .body("errors[0].field", equalTo("evidenceDocuments"));
        String otherReview = TestReviews.open(reviews, TestReviews.facts("ZM", "GB"));
        reviews.assign(UUID.fromString(otherReview), new Reviewer("jp-reviewer", "JP"), "secretariat-user");
        given().contentType(ContentType.JSON).body(rating(documentId, SHA))
                .when().put(url, otherReview, "IFC-PS3-WATER").then().statusCode(409)
                .body("errors[0].field", equalTo("evidenceDocuments"));
        given().contentType(ContentType.JSON).body(rating(documentId, "not-a-hash"))
                .when().put(url, reviewId, "IFC-PS3-WATER").then().statusCode(400)
                .body("errors[0].field", startsWithEvidence());
        given().when().get("/api/v1/reviews/{id}", reviewId).then()
                .body("items.find { it.code == 'IFC-PS3-WATER' }.rating", nullValue());
        given().when().get("/api/v1/reviews/{id}", otherReview).then().body("progress.rated", equalTo(0));
    }

    private static org.hamcrest.Matcher<String> startsWithEvidence() {
        return org.hamcrest.Matchers.startsWith("evidenceDocuments");
    }
}
