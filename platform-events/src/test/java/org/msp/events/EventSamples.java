package org.msp.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import org.msp.events.esg.CommentAnswered;
import org.msp.events.esg.CommentDisposition;
import org.msp.events.esg.CommentReceived;
import org.msp.events.esg.Condition;
import org.msp.events.esg.ConsultationClosed;
import org.msp.events.esg.ConsultationOpened;
import org.msp.events.esg.ItemRating;
import org.msp.events.esg.ReviewAssigned;
import org.msp.events.esg.ReviewCompleted;
import org.msp.events.esg.ReviewOpened;
import org.msp.events.esg.ReviewOutcome;
import org.msp.events.esg.RiskCategory;
import org.msp.events.partner.CommitmentRecorded;
import org.msp.events.partner.DisbursementRecorded;
import org.msp.events.partner.EndorsementGiven;
import org.msp.events.partner.EndorsementWithdrawn;
import org.msp.events.partner.Instrument;
import org.msp.events.partner.InterestExpressed;
import org.msp.events.partner.PartnerKind;
import org.msp.events.partner.PartnershipKind;
import org.msp.events.partner.PartnershipNamed;
import org.msp.events.project.ActionItem;
import org.msp.events.project.ActionItemStatus;
import org.msp.events.project.ActionPlanUpdated;
import org.msp.events.project.Disclosure;
import org.msp.events.project.DocumentPublished;
import org.msp.events.project.DocumentType;
import org.msp.events.project.HostConsent;
import org.msp.events.project.HostConsentRecorded;
import org.msp.events.project.ProjectPrioritised;
import org.msp.events.project.ProjectStatus;
import org.msp.events.project.ProjectStatusChanged;
import org.msp.events.project.ProjectSubmitted;
import org.msp.events.project.ScoreBreakdown;
import org.msp.events.project.ScoreComponent;
import org.msp.events.project.ValueChainStage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Events made with the producers' own records, for every consumer's tests (this module's test-jar):
 * a consumer test never writes event JSON by hand, so it cannot drift from what producers publish.
 */
public final class EventSamples {
    private static final EventCodec CODEC = new EventCodec(new ObjectMapper().registerModule(new JavaTimeModule()),
            Validation.buildDefaultValidatorFactory().getValidator());

    /** A history head hash as project events carry it (SHA-256, hex). */
    public static final String HISTORY_HEAD = "5e".repeat(32);

    private static final OffsetDateTime SAMPLE_TIME = OffsetDateTime.parse("2026-11-02T09:00:00Z");
    private static final UUID SAMPLE_COMMENT = UUID.fromString("c2d4e6f8-1a3b-4c5d-8e7f-0a1b2c3d4e5f");
    private static final UUID SAMPLE_PARTNERSHIP = UUID.fromString("6a1f0c2e-4b3d-4e5f-9a8b-7c6d5e4f3a21");
    private static final UUID SAMPLE_COMMITMENT = UUID.fromString("8e2d4c6b-1a3f-4b5d-9c7e-2f4a6b8c0d13");
    /** The condition of {@link #reviewCompleted}: critical, so it holds back a disbursement tied to it. */
    public static final String SAMPLE_CONDITION = "IFC-PS5-1";

    private EventSamples() {
    }

    /** The project facts every event carries. */
    public record Facts(UUID projectId, String title, String hostCountry, String submittingPartner,
            List<Mineral> minerals) {
        public static Facts of(UUID projectId, String hostCountry, String submittingPartner, Mineral... minerals) {
            return new Facts(projectId, "Project " + projectId, hostCountry, submittingPartner,
                    minerals.length == 0 ? List.of(Mineral.COBALT) : List.of(minerals));
        }

        public Facts titled(String newTitle) {
            return new Facts(projectId, newTitle, hostCountry, submittingPartner, minerals);
        }
    }

    /** The record value of {@code data} as its producer publishes it: a fresh id, now. */
    public static String json(EventData data) {
        return CODEC.write(CloudEvent.of(data));
    }

    public static String json(CloudEvent<?> event) {
        return CODEC.write(event);
    }

    public static CloudEvent<?> read(String json) {
        return CODEC.read(json);
    }

    public static EventCodec codec() {
        return CODEC;
    }

    public static ProjectSubmitted submitted(Facts f) {
        return new ProjectSubmitted(f.projectId(), f.title(), ProjectStatus.SUBMITTED, f.hostCountry(),
                f.submittingPartner(), f.minerals(), ValueChainStage.RECYCLING, "Recovering metals from tailings",
                "Sponsor Ltd", new BigDecimal("45000000.00"), new Disclosure(true, false, true), "officer-" + f.submittingPartner(),
                HISTORY_HEAD);
    }

    public static ProjectStatusChanged statusChanged(Facts f, ProjectStatus from, ProjectStatus to, String reason) {
        return new ProjectStatusChanged(f.projectId(), f.title(), to, f.hostCountry(), f.submittingPartner(),
                f.minerals(), ValueChainStage.RECYCLING, from, to, "system", reason, HISTORY_HEAD);
    }

    public static ProjectPrioritised prioritised(Facts f, int rank, BigDecimal score) {
        return new ProjectPrioritised(f.projectId(), f.title(), ProjectStatus.PRIORITISED, f.hostCountry(),
                f.submittingPartner(), f.minerals(), ValueChainStage.RECYCLING, ProjectStatus.ENDORSED,
                ProjectStatus.PRIORITISED, UUID.randomUUID(), rank, score, new ScoreBreakdown(List.of(
                new ScoreComponent("esg", new BigDecimal("0.8"), new BigDecimal("0.3"), new BigDecimal("24"),
                        "ESG review score 80 of 100"))), HISTORY_HEAD);
    }

    public static InterestExpressed interest(Facts f, String partner, Instrument instrument, BigDecimal amount) {
        return new InterestExpressed(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                partner, instrument, amount, "indicative");
    }

    /** An MSP partner's endorsement. */
    public static EndorsementGiven endorsed(Facts f, String partner) {
        return endorsed(f, partner, PartnerKind.MSP_PARTNER);
    }

    public static EndorsementGiven endorsed(Facts f, String partner, PartnerKind kind) {
        return new EndorsementGiven(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                partner, kind);
    }

    public static EndorsementWithdrawn endorsementWithdrawn(Facts f, String partner) {
        return new EndorsementWithdrawn(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(),
                f.minerals(), partner);
    }

    public static ReviewOpened reviewOpened(Facts f, UUID reviewId) {
        return new ReviewOpened(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                reviewId, UUID.randomUUID(), 1);
    }

    public static ReviewAssigned reviewAssigned(Facts f, UUID reviewId, String reviewer, String reviewerCountry) {
        return new ReviewAssigned(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                reviewId, reviewer, reviewerCountry);
    }

    public static ReviewCompleted reviewCompleted(Facts f, UUID reviewId, ReviewOutcome outcome, BigDecimal score) {
        List<Condition> conditions = outcome == ReviewOutcome.CLEARED ? List.of() : List.of(new Condition(
                SAMPLE_CONDITION, "Resettlement action plan", ItemRating.PARTIAL, "Publish the resettlement plan", true));
        return new ReviewCompleted(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                reviewId, outcome, score, RiskCategory.B, conditions);
    }

    public static DocumentPublished documentPublished(Facts f, UUID documentId, DocumentType type, String sha256) {
        return new DocumentPublished(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                documentId, type, "Bankable feasibility study", "en", "application/pdf", 1_482_113L, sha256, null,
                "officer-" + f.submittingPartner(), HISTORY_HEAD);
    }

    public static ConsultationOpened consultationOpened(Facts f, UUID reviewId, RiskCategory category,
            OffsetDateTime opensAt, OffsetDateTime closesAt) {
        return new ConsultationOpened(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                reviewId, category, "Tailings retreatment next to two villages; water use is the main risk.",
                opensAt, closesAt);
    }

    public static CommentReceived commentReceived(Facts f, UUID reviewId, UUID commentId) {
        return new CommentReceived(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                reviewId, commentId, List.of("IFC-PS4-1"), "fr");
    }

    public static CommentAnswered commentAnswered(Facts f, UUID reviewId, UUID commentId,
            CommentDisposition disposition) {
        return new CommentAnswered(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                reviewId, commentId, disposition);
    }

    public static HostConsentRecorded hostConsent(Facts f, HostConsent consent, String reason) {
        return new HostConsentRecorded(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                consent, reason, "officer-" + f.hostCountry(), HISTORY_HEAD);
    }

    /** The plan of {@link #reviewCompleted}'s one condition, standing as {@code status} (verified by JP unless SCHEDULED). */
    public static ActionPlanUpdated actionPlan(Facts f, ActionItemStatus status, String changedItem) {
        return new ActionPlanUpdated(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                List.of(new ActionItem(SAMPLE_CONDITION, "Resettlement action plan", true, "Sponsor Ltd",
                        LocalDate.parse("2027-06-30"), status, null, status == ActionItemStatus.SCHEDULED ? null : "JP")),
                changedItem, "jp-reviewer", HISTORY_HEAD);
    }

    public static PartnershipNamed partnershipNamed(Facts f, UUID partnershipId, String name) {
        return new PartnershipNamed(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                partnershipId, name, partnershipId == null ? null : PartnershipKind.MEMORANDUM_OF_UNDERSTANDING,
                "officer-" + f.submittingPartner());
    }

    public static CommitmentRecorded commitment(Facts f, UUID commitmentId, String partner, BigDecimal amountUsd) {
        return new CommitmentRecorded(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                commitmentId, partner, Instrument.LOAN, amountUsd, "USD", amountUsd, LocalDate.parse("2026-11-30"),
                null, "officer-" + partner);
    }

    /** A disbursement tied to {@link #SAMPLE_CONDITION}; with a reason, one that overrode it. */
    public static DisbursementRecorded disbursement(Facts f, UUID commitmentId, String partner, BigDecimal amountUsd,
            String overrideReason) {
        return new DisbursementRecorded(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                UUID.randomUUID(), commitmentId, partner, amountUsd, "USD", amountUsd, LocalDate.parse("2026-12-01"),
                List.of(SAMPLE_CONDITION), overrideReason == null ? List.of() : List.of(SAMPLE_CONDITION),
                overrideReason, "officer-" + partner);
    }

    public static ConsultationClosed consultationClosed(Facts f, UUID reviewId, OffsetDateTime closedAt,
            int comments) {
        return new ConsultationClosed(f.projectId(), f.title(), f.hostCountry(), f.submittingPartner(), f.minerals(),
                reviewId, closedAt, comments, 0);
    }

    /** One valid sample of every event type, for round trips and the AsyncAPI examples. */
    public static EventData sample(EventType type) {
        Facts f = Facts.of(UUID.fromString("0b5c1f4e-3c1d-4f7a-9a57-2d4c8e9b1a10"), "ZM", "GB", Mineral.COBALT,
                Mineral.COPPER).titled("Copperbelt tailings cobalt recovery");
        UUID review = UUID.fromString("7d0e3a52-8b7e-4c1e-b7a4-5e2f8c9d0a21");
        return switch (type) {
            case PROJECT_SUBMITTED -> submitted(f);
            case PROJECT_STATUS_CHANGED -> statusChanged(f, ProjectStatus.SUBMITTED, ProjectStatus.ESG_REVIEW,
                    "ESG due-diligence review opened");
            case PROJECT_PRIORITISED -> prioritised(f, 1, new BigDecimal("87.14"));
            case PARTNER_INTEREST_EXPRESSED -> interest(f, "US", Instrument.LOAN, new BigDecimal("20000000.00"));
            case PARTNER_ENDORSEMENT_GIVEN -> endorsed(f, "JP");
            case PARTNER_ENDORSEMENT_WITHDRAWN -> endorsementWithdrawn(f, "JP");
            case ESG_REVIEW_OPENED -> reviewOpened(f, review);
            case ESG_REVIEW_ASSIGNED -> reviewAssigned(f, review, "jp-reviewer", "JP");
            case ESG_REVIEW_COMPLETED -> reviewCompleted(f, review, ReviewOutcome.CLEARED_WITH_CONDITIONS,
                    new BigDecimal("81.5"));
            case PROJECT_DOCUMENT_PUBLISHED -> documentPublished(f,
                    UUID.fromString("3f9a6c1e-5b2d-4e8f-a1c7-9d0e2b4f6a83"), DocumentType.feasibilityStudy,
                    "9c".repeat(32));
            case ESG_CONSULTATION_OPENED -> consultationOpened(f, review, RiskCategory.B, SAMPLE_TIME,
                    SAMPLE_TIME.plusDays(30));
            case ESG_COMMENT_RECEIVED -> commentReceived(f, review, SAMPLE_COMMENT);
            case ESG_COMMENT_ANSWERED -> commentAnswered(f, review, SAMPLE_COMMENT, CommentDisposition.PARTIALLY_ACCEPTED);
            case ESG_CONSULTATION_CLOSED -> consultationClosed(f, review, SAMPLE_TIME.plusDays(30), 2);
            case PROJECT_HOST_CONSENT_RECORDED -> hostConsent(f, HostConsent.CONSENTED, null);
            case PROJECT_ACTION_PLAN_UPDATED -> actionPlan(f, ActionItemStatus.SCHEDULED, null);
            case PARTNER_PARTNERSHIP_NAMED -> partnershipNamed(f, SAMPLE_PARTNERSHIP, "UK-US critical minerals MOU");
            case PARTNER_COMMITMENT_RECORDED -> commitment(f, SAMPLE_COMMITMENT, "GB", new BigDecimal("20000000.00"));
            case PARTNER_DISBURSEMENT_RECORDED -> disbursement(f, SAMPLE_COMMITMENT, "GB",
                    new BigDecimal("5000000.00"), "Paid against the signed loan agreement");
        };
    }
}
