package org.msp.notification.consumers;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.msp.notification.service.TimelineRecorder;
import org.msp.platform.inbox.EventHandlers;
import org.msp.platform.inbox.IdempotentConsumer;

import java.util.concurrent.CompletionStage;

/**
 * Consumes the three pipeline topics (consumer group notification-service), a poll's records at a
 * time: every event of the contract becomes a timeline entry. Each is applied once per id (inbox), so
 * a record Kafka redelivers changes nothing and is never sent twice.
 */
@ApplicationScoped
public class PipelineEventsConsumer {
    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    public PipelineEventsConsumer(IdempotentConsumer consumer, TimelineRecorder recorder) {
        this.consumer = consumer;
        this.handlers = EventHandlers.forAll(recorder::record);
    }

    @Incoming("projects")
    @Blocking
    public CompletionStage<Void> onProjectEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, handlers);
    }

    @Incoming("partner-support")
    @Blocking
    public CompletionStage<Void> onPartnerSupportEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, handlers);
    }

    @Incoming("esg-reviews")
    @Blocking
    public CompletionStage<Void> onEsgReviewEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, handlers);
    }
}
