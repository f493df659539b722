package org.msp.project.consumers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.msp.events.CloudEvent;
import org.msp.events.EventData;
import org.msp.events.esg.ConsultationClosed;
import org.msp.events.esg.ReviewCompleted;
import org.msp.events.esg.ReviewOpened;
import org.msp.events.partner.CommitmentRecorded;
import org.msp.events.partner.DisbursementRecorded;
import org.msp.events.partner.EndorsementGiven;
import org.msp.events.partner.EndorsementWithdrawn;
import org.msp.events.partner.InterestExpressed;
import org.msp.events.partner.PartnershipNamed;
import org.msp.platform.inbox.EventHandlers;
import org.msp.platform.inbox.IdempotentConsumer;
import org.msp.platform.inbox.IdempotentConsumer.Result;
import org.msp.project.domain.FinancingCommitment;
import org.msp.project.domain.PartnerInterest;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.StandingEndorsement;
import org.msp.project.service.ProposalService;
import org.msp.project.service.ProposalService.Actor;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Moves projects on events from esg-review-service and partner-service: each handler hands the typed
 * event to the proposal, which decides. Each event is applied at most once (inbox); an event about an
 * unknown project, or asking for a step the lifecycle does not allow, is recorded as skipped.
 */
@ApplicationScoped
public class LifecycleEventsConsumer {
    private final IdempotentConsumer consumer;
    private final ProposalService proposals;
    private final ObjectMapper mapper;
    private final EventHandlers reviewEvents;
    private final EventHandlers supportEvents;

    public LifecycleEventsConsumer(IdempotentConsumer consumer, ProposalService proposals, ObjectMapper mapper) {
        this.consumer = consumer;
        this.proposals = proposals;
        this.mapper = mapper;
        // review-assigned is informational here: the review service owns assignment
        this.reviewEvents = EventHandlers.builder()
                .on(ReviewOpened.class, this::reviewOpened)
                .on(ReviewCompleted.class, this::reviewCompleted)
                .on(ConsultationClosed.class, this::consultationClosed)
                .build();
        this.supportEvents = EventHandlers.builder()
                .on(EndorsementGiven.class, this::endorsementGiven)
                .on(EndorsementWithdrawn.class, this::endorsementWithdrawn)
                .on(InterestExpressed.class, this::interestExpressed)
                .on(PartnershipNamed.class, this::partnershipNamed)
                .on(CommitmentRecorded.class, this::commitmentRecorded)
                .on(DisbursementRecorded.class, this::disbursementRecorded)
                .build();
    }

    @Incoming("esg-reviews")
    @Blocking
    public CompletionStage<Void> onEsgReviewEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, reviewEvents);
    }

    @Incoming("partner-support")
    @Blocking
    public CompletionStage<Void> onPartnerSupportEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, supportEvents);
    }

    Result reviewOpened(CloudEvent<ReviewOpened> event) {
        return withProject(event, proposal -> applied(event, proposal,
                proposal.reviewOpened(event.data().reviewId().toString(), actorOf(event).id(), proposals.now())));
    }

    Result reviewCompleted(CloudEvent<ReviewCompleted> event) {
        ReviewCompleted review = event.data();
        return withProject(event, proposal -> {
            Result result = applied(event, proposal, proposal.reviewCompleted(review.reviewId().toString(),
                    review.outcome(), review.score(), json(review.conditions()), actorOf(event).id(), proposals.now()));
            if (result == Result.APPLIED) {
                // the conditions become the public action plan
                proposals.drawActionPlan(proposal, review.conditions(), actorOf(event));
                // endorsements may have arrived before the review result: check the quorum now
                proposals.reconsiderQuorum(proposal, actorOf(event));
            }
            return result;
        });
    }

    /** A closed public consultation backs the project's "community consultation held" (the score). */
    Result consultationClosed(CloudEvent<ConsultationClosed> event) {
        ConsultationClosed closed = event.data();
        return withProject(event, proposal -> applied(event, proposal,
                proposal.consultationClosed(closed.closedAt(), closed.comments() - closed.hiddenComments())));
    }

    Result endorsementGiven(CloudEvent<EndorsementGiven> event) {
        return withProject(event, proposal -> {
            StandingEndorsement.stand(proposal.id(), event.data().partner(), event.data().countsTowardQuorum(),
                    event.time() != null ? event.time() : proposals.now());
            proposals.reconsiderQuorum(proposal, actorOf(event));
            return Result.APPLIED;
        });
    }

    Result endorsementWithdrawn(CloudEvent<EndorsementWithdrawn> event) {
        return withProject(event, proposal -> {
            StandingEndorsement.withdraw(proposal.id(), event.data().partner());
            proposals.reconsiderQuorum(proposal, actorOf(event));
            return Result.APPLIED;
        });
    }

    Result interestExpressed(CloudEvent<InterestExpressed> event) {
        InterestExpressed interest = event.data();
        return withProject(event, proposal -> {
            PartnerInterest.record(proposal.id(), interest.partner(), interest.instrument().name(),
                    interest.indicativeAmountUsd());
            return Result.APPLIED;
        });
    }

    Result partnershipNamed(CloudEvent<PartnershipNamed> event) {
        PartnershipNamed named = event.data();
        return withProject(event, proposal -> applied(event, proposal, proposal.proposedUnder(named.partnershipId(),
                named.partnershipName(), named.partnershipKind() == null ? null : named.partnershipKind().name())));
    }

    /** A commitment is history; the first one finances a prioritised project. */
    Result commitmentRecorded(CloudEvent<CommitmentRecorded> event) {
        return withProject(event, proposal -> {
            FinancingCommitment.record(event.data(), proposals.now());
            proposal.commitmentRecorded(event.data(), actorOf(event).id(), proposals.now())
                    .forEach(change -> proposals.record(proposal, change, actorOf(event)));
            return Result.APPLIED;
        });
    }

    Result disbursementRecorded(CloudEvent<DisbursementRecorded> event) {
        return withProject(event, proposal -> applied(event, proposal,
                Optional.of(proposal.disbursementRecorded(event.data()))));
    }

    private Result withProject(CloudEvent<? extends EventData> event, Function<Proposal, Result> handler) {
        Optional<Proposal> proposal = proposals.lockedForUpdate(event.data().projectId());
        return proposal.isEmpty() ? Result.skipped("unknown project " + event.subject()) : handler.apply(proposal.get());
    }

    private Result applied(CloudEvent<?> event, Proposal proposal, Optional<org.msp.project.domain.Change> change) {
        if (change.isEmpty()) {
            return Result.skipped(event.type().type() + " cannot apply to a project in status " + proposal.status());
        }
        proposals.record(proposal, change.get(), actorOf(event));
        return Result.APPLIED;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Actor actorOf(CloudEvent<?> event) {
        return new Actor("event:" + event.source(), "event " + event.type().type() + " " + event.id());
    }
}
