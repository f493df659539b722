package org.msp.partner.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.msp.partner.domain.PartnerInterest;
import org.msp.platform.events.CloudEvent;
import org.msp.platform.outbox.Outbox;

import java.util.UUID;

/**
 * The events partner-service publishes on {@code msp.partner-support} (see the README), always
 * through the outbox, in the transaction of the change they describe. Key and subject: the project id.
 */
@ApplicationScoped
public class PartnerSupportEvents {
    public static final String TOPIC = "msp.partner-support";
    public static final String SOURCE = "/msp/partner-service";
    public static final String INTEREST_EXPRESSED = "org.msp.partner.interest-expressed.v1";
    public static final String ENDORSEMENT_GIVEN = "org.msp.partner.endorsement-given.v1";
    public static final String ENDORSEMENT_WITHDRAWN = "org.msp.partner.endorsement-withdrawn.v1";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public PartnerSupportEvents(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** Returns the id of the published event, for the support history. */
    public String interestExpressed(PartnerInterest interest) {
        ObjectNode data = support(interest.projectId, interest.partner);
        data.put("instrument", interest.instrument.name());
        data.put("indicativeAmountUsd", interest.indicativeAmountUsd);
        data.put("note", interest.note);
        return publish(INTEREST_EXPRESSED, interest.projectId, data);
    }

    public String endorsementGiven(UUID projectId, String partner) {
        return publish(ENDORSEMENT_GIVEN, projectId, support(projectId, partner));
    }

    public String endorsementWithdrawn(UUID projectId, String partner) {
        return publish(ENDORSEMENT_WITHDRAWN, projectId, support(projectId, partner));
    }

    private ObjectNode support(UUID projectId, String partner) {
        ObjectNode data = mapper.createObjectNode();
        data.put("projectId", projectId.toString());
        data.put("partner", partner);
        return data;
    }

    private String publish(String type, UUID projectId, ObjectNode data) {
        CloudEvent event = CloudEvent.create(SOURCE, type, projectId.toString(), data);
        outbox.publish(TOPIC, event);
        return event.id();
    }
}
