package org.msp.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.msp.infra.ProcessPlatform;
import org.msp.infra.testing.TraceParent;
import org.msp.infra.testing.WebhookReceiver;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.msp.e2e.SpanLogs.CLIENT;
import static org.msp.e2e.SpanLogs.CONSUMER;
import static org.msp.e2e.SpanLogs.PRODUCER;
import static org.msp.e2e.SpanLogs.SERVER;

/**
 * One submit, one trace, on the real platform: the spans every service wrote to its log (OTLP JSON) link up
 * from the caller's {@code traceparent} through the request, the outbox relay's publish, each consumer of
 * {@code msp.projects}, esg-review-service's review-opened and project-service applying it, to the webhook
 * attempt, whose {@code traceparent} the subscriber receives.
 */
class TracingEndToEndTest {
    static final String SUBMITTED = "process org.msp.project.submitted.v1";

    @Test
    void aSubmitIsOneTraceFromTheRequestToTheWebhook() {
        ProcessPlatform platform = SharedPlatform.get();
        String project = Journeys.gbDraft();
        try (WebhookReceiver webhook = new WebhookReceiver()) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("channel", "WEBHOOK", "target", webhook.url(),
                            "filter", Map.of("projectIds", List.of(project))))
                    .post(SharedPlatform.url(ProcessPlatform.NOTIFICATIONS, "/subscriptions")).then().statusCode(201);
            TraceParent caller = TraceParent.random();
            Journeys.as("gb-officer").header("traceparent", caller.header())
                    .post(SharedPlatform.url(ProcessPlatform.PROJECTS, "/projects/" + project + "/submit"))
                    .then().statusCode(200);

            // each service exports its spans every few seconds: wait until the whole chain is in the logs
            await().atMost(Journeys.WAIT).untilAsserted(() -> assertOneChain(caller, platform, webhook));
        }
    }

    private static void assertOneChain(TraceParent caller, ProcessPlatform platform, WebhookReceiver webhook) {
        String trace = caller.traceId();
        List<SpanLogs.Span> spans = SpanLogs.of(trace, platform.logs(), ProcessPlatform.SERVICES);
        String explained = "spans of trace " + trace + ": " + spans;

        SpanLogs.Span request = span(spans, ProcessPlatform.PROJECTS, SERVER, "POST /projects/{id}/submit",
                caller.spanId(), explained);
        SpanLogs.Span published = span(spans, ProcessPlatform.PROJECTS, PRODUCER, "publish msp.projects",
                request.spanId(), explained);
        span(spans, ProcessPlatform.PARTNERS, CONSUMER, SUBMITTED, published.spanId(), explained);
        // esg-review-service opens the review in the same trace, and project-service applies it
        SpanLogs.Span inReview = span(spans, ProcessPlatform.REVIEWS, CONSUMER, SUBMITTED, published.spanId(), explained);
        SpanLogs.Span opened = span(spans, ProcessPlatform.REVIEWS, PRODUCER, "publish msp.esg-reviews",
                inReview.spanId(), explained);
        span(spans, ProcessPlatform.PROJECTS, CONSUMER, "process org.msp.esg.review-opened.v1", opened.spanId(), explained);
        // and the subscriber's webhook is an attempt of the notification consumer's, naming itself
        SpanLogs.Span notified = span(spans, ProcessPlatform.NOTIFICATIONS, CONSUMER, SUBMITTED, published.spanId(),
                explained);
        WebhookReceiver.Delivery delivery = webhook.received().stream()
                .filter(d -> "org.msp.project.submitted.v1".equals(d.eventType())).findFirst()
                .orElseThrow(() -> new AssertionError("no webhook for the submit yet"));
        Optional<SpanLogs.Span> attempt = spans.stream().filter(s -> s.kind() == CLIENT
                && TraceParent.of(trace, s.spanId()).equals(delivery.traceParent())).findFirst();
        assertEquals(notified.spanId(), attempt.map(SpanLogs.Span::parentSpanId).orElse(null),
                "the webhook's traceparent " + delivery.traceParent() + " names a delivery span of the consumer; "
                        + explained);
        assertEquals("deliver webhook", attempt.orElseThrow().name());
    }

    private static SpanLogs.Span span(List<SpanLogs.Span> spans, String service, int kind, String name, String parent,
            String explained) {
        return SpanLogs.find(spans, service, kind, name, parent)
                .orElseThrow(() -> new AssertionError("no " + name + " span of " + service + " under " + parent + "; "
                        + explained));
    }
}
