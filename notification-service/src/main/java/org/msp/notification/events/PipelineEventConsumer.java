package org.msp.notification.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.msp.platform.inbox.IdempotentConsumer;

/**
 * Consumes the three pipeline topics (consumer group notification-service). Each event is applied
 * once per id (inbox), so a record Kafka redelivers changes nothing and is never sent twice.
 */
@ApplicationScoped
public class PipelineEventConsumer {
    private final IdempotentConsumer consumer;
    private final TimelineRecorder recorder;

    public PipelineEventConsumer(IdempotentConsumer consumer, TimelineRecorder recorder) {
        this.consumer = consumer;
        this.recorder = recorder;
    }

    @Incoming("projects")
    @Blocking
    public void onProjectEvent(String raw) {
        consumer.consume(raw, event -> recorder.record(event, raw));
    }

    @Incoming("partner-support")
    @Blocking
    public void onPartnerSupportEvent(String raw) {
        consumer.consume(raw, event -> recorder.record(event, raw));
    }

    @Incoming("esg-reviews")
    @Blocking
    public void onEsgReviewEvent(String raw) {
        consumer.consume(raw, event -> recorder.record(event, raw));
    }
}
