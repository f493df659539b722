package org.msp.project.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.msp.events.project.HostConsent;
import org.msp.project.domain.Disclosure;
import org.msp.project.domain.Mineral;
import org.msp.project.domain.ProjectStatus;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.ValueChainStage;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A project as the public (and its submitting partner) sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProposalView(UUID id, String title, String summary, String hostCountry, List<Mineral> minerals,
        ValueChainStage valueChainStage, String sponsor, BigDecimal requestedFinancingUsd, Disclosure disclosure,
        String submittingPartner, ProjectStatus status, int version, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, OffsetDateTime submittedAt, Esg esg, Priority priority, Partnership partnership,
        HostConsentView hostConsent) {

    /** The partnership of partner-service's registry the project is proposed under. */
    public record Partnership(UUID id, String name, String kind) {
    }

    /** What the host government said, when, and why. */
    public record HostConsentView(HostConsent consent, String reason, OffsetDateTime at) {
    }

    /** The outcome of the project's ESG review, once completed. */
    public record Esg(String reviewId, String outcome, BigDecimal score, @JsonRawValue String conditions) {
    }

    /** The rank and score the project received in a prioritisation round. */
    public record Priority(UUID roundId, Integer rank, BigDecimal score, @JsonRawValue String breakdown) {
    }

    static ProposalView of(Proposal p) {
        Esg esg = p.esgOutcome() == null ? null : new Esg(p.esgReviewId(), p.esgOutcome(), p.esgScore(), p.esgConditions());
        Priority priority = p.priorityRank() == null ? null
                : new Priority(p.prioritisationRoundId(), p.priorityRank(), p.priorityScore(), p.priorityBreakdown());
        Partnership partnership = p.partnershipId() == null ? null
                : new Partnership(p.partnershipId(), p.partnershipName(), p.partnershipKind());
        HostConsentView consent = p.hostConsent() == null ? null
                : new HostConsentView(p.hostConsent(), p.hostConsentReason(), p.hostConsentAt());
        return new ProposalView(p.id(), p.title(), p.summary(), p.hostCountry(), p.minerals(), p.valueChainStage(), p.sponsor(),
                p.requestedFinancingUsd(), p.disclosure(), p.submittingPartner(), p.status(), p.version(), p.createdAt(),
                p.updatedAt(), p.submittedAt(), esg, priority, partnership, consent);
    }

    String etag() {
        return "\"" + version + "\"";
    }
}
