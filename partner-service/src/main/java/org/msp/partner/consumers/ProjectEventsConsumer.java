package org.msp.partner.consumers;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.msp.events.CloudEvent;
import org.msp.events.EventData;
import org.msp.events.project.ActionPlanUpdated;
import org.msp.events.project.ProjectPrioritised;
import org.msp.events.project.ProjectStatusChanged;
import org.msp.events.project.ProjectSubmitted;
import org.msp.partner.domain.ProjectStatus;
import org.msp.partner.domain.StatusReport;
import org.msp.partner.service.ProjectReadModel;
import org.msp.platform.inbox.EventHandlers;
import org.msp.platform.inbox.IdempotentConsumer;
import org.msp.platform.inbox.IdempotentConsumer.Result;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Feeds the read model of project status and facts, and the copy of each project's action plan, from
 * {@code msp.projects}. Each event is applied once (inbox); one outside the contract never reaches a
 * handler, it goes to {@code msp.dead-letter.partner-service} at once and the consumer goes on.
 */
@ApplicationScoped
public class ProjectEventsConsumer {
    private final IdempotentConsumer consumer;
    private final ProjectReadModel projects;
    private final EventHandlers handlers;

    public ProjectEventsConsumer(IdempotentConsumer consumer, ProjectReadModel projects) {
        this.consumer = consumer;
        this.projects = projects;
        this.handlers = EventHandlers.builder()
                .on(ProjectSubmitted.class, event -> report(event, null, event.data().status()))
                .on(ProjectStatusChanged.class, event -> report(event, event.data().from(), event.data().to()))
                .on(ProjectPrioritised.class, event -> report(event, event.data().from(), event.data().to()))
                .on(ActionPlanUpdated.class, event -> applied(projects.replacePlan(event.data(), event.time(), event.id())))
                .build();
    }

    @Incoming("projects")
    @Blocking
    public CompletionStage<Void> onProjectEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, handlers);
    }

    /** Reports the step {@code from} (null for a submission) → {@code to} at the event's time, with its facts. */
    private Result report(CloudEvent<? extends EventData> event, org.msp.events.project.ProjectStatus from,
            org.msp.events.project.ProjectStatus to) {
        Optional<ProjectStatus> before = from == null ? Optional.empty() : known(from);
        Optional<ProjectStatus> after = known(to);
        if (after.isEmpty() || (from != null && before.isEmpty())) {
            return Result.skipped("a step " + from + " -> " + to + " names a status partner-service does not track");
        }
        StatusReport report = new StatusReport(before.orElse(null), after.get(), event.time());
        return applied(projects.report(report, event.data(), event.id()));
    }

    private static Result applied(String skipped) {
        return skipped == null ? Result.APPLIED : Result.skipped(skipped);
    }

    /** This service's status of the same name (every status of the contract has one; DRAFT never travels). */
    private static Optional<ProjectStatus> known(org.msp.events.project.ProjectStatus status) {
        return Arrays.stream(ProjectStatus.values()).filter(s -> s.name().equals(status.name())).findFirst();
    }
}
