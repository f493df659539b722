package org.msp.project;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The transactional outbox keeps a submit's event while the broker is down and publishes it once back. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class OutboxWhileKafkaIsDownTest {

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void aSubmitSucceedsWithoutKafkaAndItsEventArrivesWhenKafkaIsBack() {
        String id = ProposalApiTest.createDraft(ProposalSubmissionTest.PROPOSAL);
        PlatformTestResource.broker().stop();
        try {
            given().when().post("/api/v1/projects/{id}/submit", id)
                    .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        } finally {
            PlatformTestResource.restartBroker();
        }
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil("msp.projects",
                read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(90));
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(1, mine.size());
        assertEquals("org.msp.project.submitted.v1", LifecycleEventsTest.type(mine.get(0).value()));
        // the service is fully usable again
        given().contentType(ContentType.JSON).body(ProposalSubmissionTest.PROPOSAL)
                .when().post("/api/v1/projects").then().statusCode(201);
    }
}
