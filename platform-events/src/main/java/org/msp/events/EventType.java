package org.msp.events;

import org.msp.events.esg.CommentAnswered;
import org.msp.events.esg.CommentReceived;
import org.msp.events.esg.ConsultationClosed;
import org.msp.events.esg.ConsultationOpened;
import org.msp.events.esg.ReviewAssigned;
import org.msp.events.esg.ReviewCompleted;
import org.msp.events.esg.ReviewOpened;
import org.msp.events.partner.CommitmentRecorded;
import org.msp.events.partner.DisbursementRecorded;
import org.msp.events.partner.EndorsementGiven;
import org.msp.events.partner.EndorsementWithdrawn;
import org.msp.events.partner.InterestExpressed;
import org.msp.events.partner.PartnershipNamed;
import org.msp.events.project.ActionPlanUpdated;
import org.msp.events.project.DocumentPublished;
import org.msp.events.project.HostConsentRecorded;
import org.msp.events.project.ProjectPrioritised;
import org.msp.events.project.ProjectStatusChanged;
import org.msp.events.project.ProjectSubmitted;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the platform: its CloudEvents {@code type}, its topic (and so its owner) and
 * the record of its {@code data}. The only place a type name is written. A record of any other type
 * on a platform topic is not a future version to tolerate but a poison message for the dead-letter
 * topic, where an operator sees it.
 */
public enum EventType {
    PROJECT_SUBMITTED("org.msp.project.submitted.v1", Topic.PROJECTS, ProjectSubmitted.class,
            "A partner submitted a draft for ESG due diligence."),
    PROJECT_STATUS_CHANGED("org.msp.project.status-changed.v1", Topic.PROJECTS, ProjectStatusChanged.class,
            "The project moved in its lifecycle (review started or ended, quorum reached or lost, withdrawn)."),
    PROJECT_PRIORITISED("org.msp.project.prioritised.v1", Topic.PROJECTS, ProjectPrioritised.class,
            "A prioritisation round ranked the project, with its score breakdown."),
    PROJECT_DOCUMENT_PUBLISHED("org.msp.project.document-published.v1", Topic.PROJECTS, DocumentPublished.class,
            "The submitting partner published a document (a feasibility study, an impact assessment, an agreement) with its SHA-256."),
    PROJECT_HOST_CONSENT_RECORDED("org.msp.project.host-consent-recorded.v1", Topic.PROJECTS, HostConsentRecorded.class,
            "The host government consented to the project or objected to it, with its reason."),
    PROJECT_ACTION_PLAN_UPDATED("org.msp.project.action-plan-updated.v1", Topic.PROJECTS, ActionPlanUpdated.class,
            "The action plan drawn from the review's conditions was drawn up, or one of its items changed or was verified."),
    PARTNER_INTEREST_EXPRESSED("org.msp.partner.interest-expressed.v1", Topic.PARTNER_SUPPORT, InterestExpressed.class,
            "A partner expressed (or revised) its interest in financing the project."),
    PARTNER_ENDORSEMENT_GIVEN("org.msp.partner.endorsement-given.v1", Topic.PARTNER_SUPPORT, EndorsementGiven.class,
            "A partner endorsed the project."),
    PARTNER_ENDORSEMENT_WITHDRAWN("org.msp.partner.endorsement-withdrawn.v1", Topic.PARTNER_SUPPORT,
            EndorsementWithdrawn.class, "A partner withdrew its endorsement."),
    PARTNER_PARTNERSHIP_NAMED("org.msp.partner.partnership-named.v1", Topic.PARTNER_SUPPORT, PartnershipNamed.class,
            "The project was named as proposed under a partnership of the registry (or under none any more)."),
    PARTNER_COMMITMENT_RECORDED("org.msp.partner.commitment-recorded.v1", Topic.PARTNER_SUPPORT,
            CommitmentRecorded.class, "A partner committed financing to the project."),
    PARTNER_DISBURSEMENT_RECORDED("org.msp.partner.disbursement-recorded.v1", Topic.PARTNER_SUPPORT,
            DisbursementRecorded.class,
            "A partner disbursed money against a commitment, with any unmet critical condition it overrode and why."),
    ESG_REVIEW_OPENED("org.msp.esg.review-opened.v1", Topic.ESG_REVIEWS, ReviewOpened.class,
            "An ESG due-diligence review opened on a submitted project."),
    ESG_REVIEW_ASSIGNED("org.msp.esg.review-assigned.v1", Topic.ESG_REVIEWS, ReviewAssigned.class,
            "A reviewer was assigned to (or claimed) the review."),
    ESG_REVIEW_COMPLETED("org.msp.esg.review-completed.v1", Topic.ESG_REVIEWS, ReviewCompleted.class,
            "The review completed with its outcome, score, risk category and conditions."),
    ESG_CONSULTATION_OPENED("org.msp.esg.consultation-opened.v1", Topic.ESG_REVIEWS, ConsultationOpened.class,
            "The reviewer screened the project and a public comment window opened."),
    ESG_COMMENT_RECEIVED("org.msp.esg.comment-received.v1", Topic.ESG_REVIEWS, CommentReceived.class,
            "Someone commented in the project's public consultation."),
    ESG_COMMENT_ANSWERED("org.msp.esg.comment-answered.v1", Topic.ESG_REVIEWS, CommentAnswered.class,
            "The reviewer answered a consultation comment."),
    ESG_CONSULTATION_CLOSED("org.msp.esg.consultation-closed.v1", Topic.ESG_REVIEWS, ConsultationClosed.class,
            "The public comment window closed.");

    private final String type;
    private final Topic topic;
    private final Class<? extends EventData> dataClass;
    private final String description;

    EventType(String type, Topic topic, Class<? extends EventData> dataClass, String description) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
        this.description = description;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code org.msp.project.submitted.v1}. */
    public String type() {
        return type;
    }

    public Topic topic() {
        return topic;
    }

    /** The CloudEvents {@code source} allowed to publish it: its topic's owner. */
    public String source() {
        return topic.owner();
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    public String description() {
        return description;
    }

    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    /** The type whose data {@code dataClass} is; every record of the contract has exactly one. */
    public static EventType of(Class<? extends EventData> dataClass) {
        return Arrays.stream(values()).filter(t -> t.dataClass == dataClass).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(dataClass + " is not an event of the contract"));
    }
}
