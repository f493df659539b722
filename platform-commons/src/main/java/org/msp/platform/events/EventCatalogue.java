package org.msp.platform.events;

import java.util.Set;

/**
 * The event types the platform publishes (SPEC §6, the services' AsyncAPI documents). A record of any
 * other type on a platform topic is not a future version to be tolerated but a poison message: it
 * goes to the consumer's dead-letter topic, where an operator sees it, instead of being skipped.
 */
public final class EventCatalogue {
    public static final Set<String> TYPES = Set.of(
            "org.msp.project.submitted.v1",
            "org.msp.project.status-changed.v1",
            "org.msp.project.prioritised.v1",
            "org.msp.partner.interest-expressed.v1",
            "org.msp.partner.endorsement-given.v1",
            "org.msp.partner.endorsement-withdrawn.v1",
            "org.msp.esg.review-opened.v1",
            "org.msp.esg.review-assigned.v1",
            "org.msp.esg.review-completed.v1");

    private EventCatalogue() {
    }

    public static boolean isKnown(String type) {
        return TYPES.contains(type);
    }
}
