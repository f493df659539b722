package org.msp.notification;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.PlatformTestResource;
import org.msp.infra.testing.TraceParent;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The last two hops of a submit's trace: the event is applied in a consumer span that is the producer's child,
 * and the webhook attempt, made later by the dispatcher from the delivery log, is a client span of the same
 * trace whose id the subscriber receives in {@code traceparent}.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class TracingTest {
    static final WebhookReceiver receiver = new WebhookReceiver();

    @Inject
    InMemorySpanExporter spans;

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    Optional<SpanData> span(String traceId, SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind).findFirst();
    }

    @Test
    void anEventsTraceGoesOnToTheWebhookItCauses() {
        String project = UUID.randomUUID().toString();
        String url = receiver.newEndpoint();
        Subscriptions.webhook(url, """
                {"projectIds":["%s"]}""".formatted(project));
        TraceParent caller = TraceParent.random();
        String traceId = caller.traceId();

        PipelineEvents.submitted(project, "Kabwe zinc-lead recycling", "ZM", "GB", "COPPER")
                .send(caller.header());
        await().atMost(Duration.ofSeconds(45)).until(() -> !receiver.received(url).isEmpty()
                && span(traceId, SpanKind.CLIENT).isPresent());

        SpanData consumed = span(traceId, SpanKind.CONSUMER).orElseThrow();
        assertEquals("process org.msp.project.submitted.v1", consumed.getName());
        assertEquals(caller.spanId(), consumed.getParentSpanId());
        SpanData delivered = span(traceId, SpanKind.CLIENT).orElseThrow();
        assertEquals("deliver webhook", delivered.getName());
        assertEquals(consumed.getSpanId(), delivered.getParentSpanId(), "the attempt is the consumer span's child");
        assertEquals(TraceParent.of(traceId, delivered.getSpanId()),
                receiver.received(url).get(0).header("traceparent"), "the subscriber can join the trace");
    }
}
