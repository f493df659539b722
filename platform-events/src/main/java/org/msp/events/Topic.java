package org.msp.events;

/**
 * The platform's topics and the one service that owns each (SPEC §6): only the owner publishes on
 * its topic, so an event whose {@code source} is not the owner's is misrouted or forged and is refused.
 */
public enum Topic {
    PROJECTS("msp.projects", "/msp/project-service"),
    PARTNER_SUPPORT("msp.partner-support", "/msp/partner-service"),
    ESG_REVIEWS("msp.esg-reviews", "/msp/esg-review-service");

    private final String address;
    private final String owner;

    Topic(String address, String owner) {
        this.address = address;
        this.owner = owner;
    }

    /** The Kafka topic name. */
    public String address() {
        return address;
    }

    /** The CloudEvents {@code source} of the service that owns the topic. */
    public String owner() {
        return owner;
    }
}
