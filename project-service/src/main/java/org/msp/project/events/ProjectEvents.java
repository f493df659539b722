package org.msp.project.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.msp.platform.events.CloudEvent;
import org.msp.platform.outbox.Outbox;
import org.msp.project.domain.Proposal;

/**
 * The events project-service publishes on {@code msp.projects} (see the service README): each carries
 * a snapshot of the project's public facts so that read models elsewhere never have to ask.
 */
@ApplicationScoped
public class ProjectEvents {
    public static final String TOPIC = "msp.projects";
    public static final String SOURCE = "/msp/project-service";
    public static final String SUBMITTED = "org.msp.project.submitted.v1";
    public static final String STATUS_CHANGED = "org.msp.project.status-changed.v1";
    public static final String PRIORITISED = "org.msp.project.prioritised.v1";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public ProjectEvents(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public void submitted(Proposal proposal, String actor) {
        ObjectNode data = snapshot(proposal);
        data.put("summary", proposal.summary);
        data.put("sponsor", proposal.sponsor);
        data.put("requestedFinancingUsd", proposal.requestedFinancingUsd);
        data.putPOJO("disclosure", proposal.disclosure);
        data.put("actor", actor);
        publish(SUBMITTED, proposal, data);
    }

    public void statusChanged(Proposal proposal, Proposal.StatusChange change, String actor, String reason) {
        ObjectNode data = snapshot(proposal);
        data.put("from", change.from().name());
        data.put("to", change.to().name());
        data.put("actor", actor);
        if (reason != null) {
            data.put("reason", reason);
        }
        publish(STATUS_CHANGED, proposal, data);
    }

    public void prioritised(Proposal proposal, String roundId, ObjectNode breakdown) {
        ObjectNode data = snapshot(proposal);
        data.put("from", "ENDORSED");
        data.put("to", "PRIORITISED");
        data.put("roundId", roundId);
        data.put("rank", proposal.priorityRank);
        data.put("score", proposal.priorityScore);
        data.set("breakdown", breakdown);
        publish(PRIORITISED, proposal, data);
    }

    private ObjectNode snapshot(Proposal proposal) {
        ObjectNode data = mapper.createObjectNode();
        data.put("projectId", proposal.id.toString());
        data.put("title", proposal.title);
        data.put("status", proposal.status().name());
        data.put("hostCountry", proposal.hostCountry);
        data.put("submittingPartner", proposal.submittingPartner);
        data.set("minerals", mapper.valueToTree(proposal.minerals()));
        data.put("valueChainStage", proposal.valueChainStage.name());
        return data;
    }

    private void publish(String type, Proposal proposal, ObjectNode data) {
        outbox.publish(TOPIC, CloudEvent.create(SOURCE, type, proposal.id.toString(), data));
    }
}
