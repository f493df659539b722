package org.msp.esg.consumers;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.msp.esg.service.ReviewService;
import org.msp.events.CloudEvent;
import org.msp.events.project.DocumentPublished;
import org.msp.events.project.ProjectStatus;
import org.msp.events.project.ProjectStatusChanged;
import org.msp.events.project.ProjectSubmitted;
import org.msp.platform.inbox.EventHandlers;
import org.msp.platform.inbox.IdempotentConsumer;
import org.msp.platform.inbox.IdempotentConsumer.Result;

import java.util.concurrent.CompletionStage;

/**
 * Follows {@code msp.projects}: a submitted project gets its review opened; a project withdrawn
 * while its review is open gets the review cancelled; a published document is remembered so that
 * reviewers can cite it as evidence. Everything else is recorded as skipped. The
 * events arrive already validated against the contract (invalid ones were dead-lettered at the edge).
 */
@ApplicationScoped
public class ProjectEventsConsumer {
    private final IdempotentConsumer consumer;
    private final ReviewService reviews;
    private final EventHandlers handlers;

    public ProjectEventsConsumer(IdempotentConsumer consumer, ReviewService reviews) {
        this.consumer = consumer;
        this.reviews = reviews;
        // prioritised is not the review's business: recorded as skipped
        this.handlers = EventHandlers.builder()
                .on(ProjectSubmitted.class, this::submitted)
                .on(ProjectStatusChanged.class, this::statusChanged)
                .on(DocumentPublished.class, this::documentPublished)
                .build();
    }

    @Incoming("projects")
    @Blocking
    public CompletionStage<Void> onProjectEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, handlers);
    }

    Result submitted(CloudEvent<ProjectSubmitted> event) {
        ProjectSubmitted project = event.data();
        return reviews.openFor(project, actorOf(event))
                ? Result.APPLIED
                : Result.skipped("project " + project.projectId() + " already has a review");
    }

    Result statusChanged(CloudEvent<ProjectStatusChanged> event) {
        ProjectStatusChanged change = event.data();
        if (change.to() != ProjectStatus.WITHDRAWN) {
            return Result.skipped("status " + change.to() + " does not affect the review");
        }
        String reason = "the project was withdrawn" + (change.reason() == null ? "" : ": " + change.reason());
        return reviews.cancelFor(change.projectId(), reason, actorOf(event))
                ? Result.APPLIED
                : Result.skipped("no open review for project " + change.projectId());
    }

    Result documentPublished(CloudEvent<DocumentPublished> event) {
        DocumentPublished document = event.data();
        return reviews.learnDocument(document)
                ? Result.APPLIED
                : Result.skipped("document " + document.documentId() + " is already known");
    }

    private static String actorOf(CloudEvent<?> event) {
        return "event:" + event.source() + "#" + event.id();
    }
}
