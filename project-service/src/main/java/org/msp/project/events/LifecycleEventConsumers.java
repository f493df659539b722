package org.msp.project.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.msp.platform.events.CloudEvent;
import org.msp.platform.events.MalformedEventException;
import org.msp.platform.inbox.IdempotentConsumer;
import org.msp.platform.inbox.IdempotentConsumer.Result;
import org.msp.project.domain.PartnerInterest;
import org.msp.project.domain.ProjectPartnerKey;
import org.msp.project.domain.ProjectStatus;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.StandingEndorsement;
import org.msp.project.domain.Transition;
import org.msp.project.service.ProposalService;
import org.msp.project.service.ProposalService.Actor;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Moves projects on events from esg-review-service and partner-service. Each event is applied at
 * most once (inbox); an event about an unknown project, or asking for a step the lifecycle does not
 * allow, is recorded as skipped and never retried.
 */
@ApplicationScoped
public class LifecycleEventConsumers {
    static final String REVIEW_OPENED = "org.msp.esg.review-opened.v1";
    static final String REVIEW_ASSIGNED = "org.msp.esg.review-assigned.v1";
    static final String REVIEW_COMPLETED = "org.msp.esg.review-completed.v1";
    static final String INTEREST_EXPRESSED = "org.msp.partner.interest-expressed.v1";
    static final String ENDORSEMENT_GIVEN = "org.msp.partner.endorsement-given.v1";
    static final String ENDORSEMENT_WITHDRAWN = "org.msp.partner.endorsement-withdrawn.v1";

    private final IdempotentConsumer consumer;
    private final ProposalService proposals;

    public LifecycleEventConsumers(IdempotentConsumer consumer, ProposalService proposals) {
        this.consumer = consumer;
        this.proposals = proposals;
    }

    @Incoming("esg-reviews")
    @Blocking
    public CompletionStage<Void> onEsgReviewEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, raw -> this::applyReviewEvent);
    }

    @Incoming("partner-support")
    @Blocking
    public CompletionStage<Void> onPartnerSupportEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, raw -> this::applyPartnerEvent);
    }

    Result applyReviewEvent(CloudEvent event) {
        Optional<Proposal> found = project(event);
        if (found.isEmpty()) {
            return Result.skipped("unknown project " + event.subject());
        }
        Proposal proposal = found.get();
        Actor actor = actorOf(event);
        JsonNode data = event.data();
        switch (event.type()) {
            case REVIEW_OPENED -> {
                String reviewId = text(data, "reviewId");
                // a refused step must leave the project as it was: take the review id only once moved
                boolean moved = proposals.transitionIfAllowed(proposal, Transition.OPEN_REVIEW, actor,
                        "ESG due-diligence review opened");
                if (moved) {
                    proposal.esgReviewId = reviewId;
                }
                return moved(moved, proposal, event);
            }
            case REVIEW_ASSIGNED -> {
                return Result.APPLIED; // informational here; the review service owns assignment
            }
            case REVIEW_COMPLETED -> {
                String outcome = text(data, "outcome");
                Transition transition = switch (outcome) {
                    case "CLEARED", "CLEARED_WITH_CONDITIONS" -> Transition.CLEAR_REVIEW;
                    case "REJECTED" -> Transition.REJECT_REVIEW;
                    default -> throw new MalformedEventException("unknown review outcome " + outcome);
                };
                JsonNode score = data.get("score");
                if (score == null || !score.isNumber() || score.asDouble() < 0 || score.asDouble() > 100) {
                    throw new MalformedEventException("review score must be a number in 0-100");
                }
                String reason = "ESG review completed: " + outcome.toLowerCase().replace('_', ' ')
                        + " (score " + score.decimalValue().stripTrailingZeros().toPlainString() + ")";
                boolean moved = proposals.transitionIfAllowed(proposal, transition, actor, reason);
                if (moved) {
                    proposal.esgReviewId = text(data, "reviewId");
                    proposal.esgOutcome = outcome;
                    proposal.esgScore = score.decimalValue();
                    proposal.esgConditions = data.has("conditions") ? data.get("conditions").toString() : "[]";
                    // endorsements may have arrived before the review result: check the quorum now
                    proposals.reconsiderQuorum(proposal, actor);
                }
                return moved(moved, proposal, event);
            }
            default -> {
                return Result.skipped("event type not used by project-service: " + event.type());
            }
        }
    }

    Result applyPartnerEvent(CloudEvent event) {
        Optional<Proposal> found = project(event);
        if (found.isEmpty()) {
            return Result.skipped("unknown project " + event.subject());
        }
        Proposal proposal = found.get();
        JsonNode data = event.data();
        String partner = text(data, "partner");
        switch (event.type()) {
            case ENDORSEMENT_GIVEN -> {
                if (StandingEndorsement.findById(new ProjectPartnerKey(proposal.id, partner)) == null) {
                    StandingEndorsement endorsement = new StandingEndorsement();
                    endorsement.projectId = proposal.id;
                    endorsement.partner = partner;
                    endorsement.since = event.time() != null ? event.time() : proposals.now();
                    endorsement.persist();
                }
                proposals.reconsiderQuorum(proposal, actorOf(event));
                return Result.APPLIED;
            }
            case ENDORSEMENT_WITHDRAWN -> {
                StandingEndorsement.delete("projectId = ?1 and partner = ?2", proposal.id, partner);
                if (proposal.status() == ProjectStatus.ENDORSED) {
                    proposals.reconsiderQuorum(proposal, actorOf(event));
                }
                return Result.APPLIED;
            }
            case INTEREST_EXPRESSED -> {
                JsonNode amount = data.get("indicativeAmountUsd");
                if (amount == null || !amount.isNumber() || amount.decimalValue().signum() < 0) {
                    throw new MalformedEventException("indicativeAmountUsd must be a non-negative number");
                }
                PartnerInterest interest = PartnerInterest.findById(new ProjectPartnerKey(proposal.id, partner));
                if (interest == null) {
                    interest = new PartnerInterest();
                    interest.projectId = proposal.id;
                    interest.partner = partner;
                }
                interest.instrument = text(data, "instrument");
                interest.indicativeAmountUsd = amount.decimalValue().max(BigDecimal.ZERO);
                interest.persist();
                return Result.APPLIED;
            }
            default -> {
                return Result.skipped("event type not used by project-service: " + event.type());
            }
        }
    }

    private Result moved(boolean moved, Proposal proposal, CloudEvent event) {
        return moved ? Result.APPLIED
                : Result.skipped(event.type() + " cannot apply to a project in status " + proposal.status());
    }

    private Optional<Proposal> project(CloudEvent event) {
        try {
            return event.subject() == null ? Optional.empty() : proposals.lockedForUpdate(UUID.fromString(event.subject()));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static Actor actorOf(CloudEvent event) {
        return new Actor("event:" + event.source(), "event " + event.type() + " " + event.id());
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > 200) {
            throw new MalformedEventException("data." + field + " must be a non-empty string");
        }
        return value.asText();
    }
}
