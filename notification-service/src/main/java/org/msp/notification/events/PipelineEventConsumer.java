package org.msp.notification.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.msp.platform.inbox.IdempotentConsumer;

import java.util.concurrent.CompletionStage;

/**
 * Consumes the three pipeline topics (consumer group notification-service), a poll's records at a
 * time. Each event is applied once per id (inbox), so a record Kafka redelivers changes nothing and
 * is never sent twice.
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
    public CompletionStage<Void> onProjectEvents(KafkaRecordBatch<String, String> batch) {
        return record(batch);
    }

    @Incoming("partner-support")
    @Blocking
    public CompletionStage<Void> onPartnerSupportEvents(KafkaRecordBatch<String, String> batch) {
        return record(batch);
    }

    @Incoming("esg-reviews")
    @Blocking
    public CompletionStage<Void> onEsgReviewEvents(KafkaRecordBatch<String, String> batch) {
        return record(batch);
    }

    private CompletionStage<Void> record(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, raw -> event -> recorder.record(event, raw));
    }
}
