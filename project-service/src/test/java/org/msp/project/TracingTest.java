package org.msp.project;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.msp.events.CloudEvent;
import org.msp.events.EventSamples;
import org.msp.infra.testing.KafkaTestClient;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.infra.testing.TraceParent;
import org.msp.project.service.ProposalService;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * One trace crosses the outbox and Kafka: a client's {@code traceparent} on the submit request is the trace
 * of the relay's publish span and of the record's header, whichever thread relays it later; and a record
 * that arrives with a {@code traceparent} is applied in a consumer span of that trace.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class TracingTest {
    @Inject
    InMemorySpanExporter spans;
    @Inject
    ProposalService proposals;

    List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    Optional<SpanData> span(String traceId, SpanKind kind, String name) {
        return spansOf(traceId).stream().filter(s -> s.getKind() == kind && s.getName().startsWith(name)).findFirst();
    }

    @Test
    @TestSecurity(user = "gb-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "GB"))
    void aSubmitRequestsTraceGoesOnThroughTheOutboxToTheKafkaRecord() {
        String id = given().contentType(ContentType.JSON).body(ProposalSubmissionTest.PROPOSAL)
                .when().post("/api/v1/projects").then().statusCode(201).extract().path("id");
        TraceParent caller = TraceParent.random();
        String traceId = caller.traceId();
        given().header("traceparent", caller.header())
                .when().post("/api/v1/projects/{id}/submit", id).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> span(traceId, SpanKind.PRODUCER, "publish msp.projects").isPresent());
        SpanData server = span(traceId, SpanKind.SERVER, "POST").orElseThrow();
        assertEquals(caller.spanId(), server.getParentSpanId(), "the request's span is the client's child");
        SpanData publish = span(traceId, SpanKind.PRODUCER, "publish msp.projects").orElseThrow();
        assertEquals("msp.projects", publish.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("messaging.destination.name")).findFirst().orElseThrow().getValue());

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil("msp.projects",
                read -> read.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains("project.submitted")),
                Duration.ofSeconds(30));
        ConsumerRecord<String, String> submitted = records.stream()
                .filter(r -> id.equals(r.key()) && r.value().contains("project.submitted")).findFirst().orElseThrow();
        Header header = submitted.headers().lastHeader("traceparent");
        assertNotNull(header, "the record names the span it was published in");
        assertEquals(TraceParent.of(traceId, publish.getSpanId()), new String(header.value(), StandardCharsets.US_ASCII));
    }

    @Test
    void aRecordWithATraceparentIsAppliedInAConsumerSpanOfThatTrace() {
        ProposalService.Actor actor = new ProposalService.Actor("gb-officer", "test");
        UUID id = proposals.create(Fixtures.draft("Traced review"), "GB", actor).id();
        proposals.submit(id, actor);
        TraceParent caller = TraceParent.random();
        String traceId = caller.traceId();
        CloudEvent<?> opened = CloudEvent.of(EventSamples.reviewOpened(LifecycleEventsTest.facts(id.toString()),
                UUID.randomUUID()));
        KafkaTestClient.send("msp.esg-reviews", id.toString(), EventSamples.json(opened),
                Map.of("traceparent", caller.header()));

        await().atMost(Duration.ofSeconds(30)).until(() -> span(traceId, SpanKind.CONSUMER, "process").isPresent());
        SpanData consumed = span(traceId, SpanKind.CONSUMER, "process").orElseThrow();
        assertEquals("process " + opened.type().type(), consumed.getName());
        assertEquals(caller.spanId(), consumed.getParentSpanId(), "the consumer span is the producer's child");
        assertEquals("applied", consumed.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("msp.inbox.outcome")).findFirst().orElseThrow().getValue());
        // what the event changed (the project moves to ESG_REVIEW) is published on in the same trace
        await().atMost(Duration.ofSeconds(30)).until(() -> span(traceId, SpanKind.PRODUCER, "publish msp.projects").isPresent());
        assertEquals(consumed.getSpanId(), span(traceId, SpanKind.PRODUCER, "publish msp.projects").orElseThrow()
                .getParentSpanId(), "the status change is published as the consumer span's child");
    }
}
