package org.msp.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/** The nine event types the pipeline publishes; the only ones a filter may name. */
public enum PipelineEventType {
    PROJECT_SUBMITTED("org.msp.project.submitted.v1"),
    PROJECT_STATUS_CHANGED("org.msp.project.status-changed.v1"),
    PROJECT_PRIORITISED("org.msp.project.prioritised.v1"),
    ESG_REVIEW_OPENED("org.msp.esg.review-opened.v1"),
    ESG_REVIEW_ASSIGNED("org.msp.esg.review-assigned.v1"),
    ESG_REVIEW_COMPLETED("org.msp.esg.review-completed.v1"),
    PARTNER_INTEREST_EXPRESSED("org.msp.partner.interest-expressed.v1"),
    PARTNER_ENDORSEMENT_GIVEN("org.msp.partner.endorsement-given.v1"),
    PARTNER_ENDORSEMENT_WITHDRAWN("org.msp.partner.endorsement-withdrawn.v1");

    private final String type;

    PipelineEventType(String type) {
        this.type = type;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public boolean isProjectEvent() {
        return type.startsWith("org.msp.project.");
    }

    public static Optional<PipelineEventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
