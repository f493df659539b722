package org.msp.esg.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.msp.esg.domain.Review;
import org.msp.esg.domain.Scorecard;
import org.msp.platform.events.CloudEvent;
import org.msp.platform.outbox.Outbox;

/**
 * The events esg-review-service publishes on {@code msp.esg-reviews} (see the README), always
 * through the outbox in the transaction that changed the review. Subject and key: the project id.
 */
@ApplicationScoped
public class ReviewEvents {
    public static final String TOPIC = "msp.esg-reviews";
    public static final String SOURCE = "/msp/esg-review-service";
    public static final String OPENED = "org.msp.esg.review-opened.v1";
    public static final String ASSIGNED = "org.msp.esg.review-assigned.v1";
    public static final String COMPLETED = "org.msp.esg.review-completed.v1";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public ReviewEvents(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public void opened(Review review) {
        ObjectNode data = base(review);
        data.put("templateId", review.templateId.toString());
        data.put("templateVersion", review.templateVersion);
        data.put("hostCountry", review.hostCountry);
        data.put("submittingPartner", review.submittingPartner);
        publish(OPENED, review, data);
    }

    public void assigned(Review review) {
        ObjectNode data = base(review);
        data.put("reviewer", review.reviewer());
        data.put("reviewerCountry", review.reviewerCountry());
        publish(ASSIGNED, review, data);
    }

    public void completed(Review review, Scorecard.Result result) {
        ObjectNode data = base(review);
        data.put("outcome", result.outcome().name());
        data.put("score", result.score());
        data.put("riskCategory", review.riskCategory().name());
        ArrayNode conditions = data.putArray("conditions");
        for (Scorecard.Condition condition : result.conditions()) {
            conditions.addObject()
                    .put("code", condition.code())
                    .put("title", condition.title())
                    .put("rating", condition.rating().name())
                    .put("comment", condition.comment());
        }
        publish(COMPLETED, review, data);
    }

    private ObjectNode base(Review review) {
        ObjectNode data = mapper.createObjectNode();
        data.put("reviewId", review.id.toString());
        data.put("projectId", review.projectId.toString());
        return data;
    }

    private void publish(String type, Review review, ObjectNode data) {
        outbox.publish(TOPIC, CloudEvent.create(SOURCE, type, review.projectId.toString(), data));
    }
}
