package org.msp.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Producer output → consumer input, for every event type, and what the edge refuses. */
class EventCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeRoundTripsFromProducerToConsumer(EventType type) {
        CloudEvent<?> published = CloudEvent.of(EventSamples.sample(type));
        assertEquals(type, published.type());
        assertEquals(type.source(), published.source());

        CloudEvent<?> consumed = EventSamples.read(EventSamples.json(published));

        assertEquals(published, consumed);
        assertEquals(published.data().projectId().toString(), consumed.subject());
    }

    @Test
    void anEventFromAnotherSourceThanItsTopicsOwnerIsRefused() {
        InvalidEventException refused = refusedAfter(event -> event.put("source", "/msp/partner-service"));
        assertEquals("source", refused.field());
        assertTrue(refused.getMessage().contains("does not own msp.esg-reviews"), refused.getMessage());
    }

    @Test
    void aSubjectThatIsNotThePayloadsProjectIsRefused() {
        assertEquals("subject", refusedAfter(event -> event.put("subject", UUID.randomUUID().toString())).field());
    }

    @Test
    void aNulCharacterInTextIsRefusedNamingTheField() {
        assertEquals("data.title", refusedAfter(event -> data(event).put("title", "Cobalt\u0000 recovery")).field());
    }

    @Test
    void anOverLongTitleIsRefusedNamingTheField() {
        InvalidEventException refused = refusedAfter(event -> data(event).put("title", "x".repeat(10_000)));
        assertEquals("data.title", refused.field());
        assertTrue(refused.getMessage().contains("size must be between"), refused.getMessage());
    }

    @Test
    void anUnknownEnumValueIsRefusedNamingTheField() {
        assertEquals("data.outcome", refusedAfter(event -> data(event).put("outcome", "MOSTLY_FINE")).field());
        assertEquals("data.minerals[1]", refusedAfter(event -> data(event).withArray("minerals").set(1,
                JSON.getNodeFactory().textNode("UNOBTAINIUM"))).field());
    }

    @Test
    void aNestedRecordIsValidatedToo() {
        assertEquals("data.conditions[0].rating", refusedAfter(event ->
                ((ObjectNode) data(event).withArray("conditions").get(0)).putNull("rating")).field());
    }

    @Test
    void anUnknownTypeOrAMissingAttributeIsRefused() {
        assertEquals("type", refusedAfter(event -> event.put("type", "org.msp.esg.review-reopened.v1")).field());
        assertEquals("id", refusedAfter(event -> event.remove("id")).field());
        assertEquals("data.reviewId", refusedAfter(event -> data(event).remove("reviewId")).field());
    }

    @Test
    void aFieldAddedByANewerProducerIsIgnored() {
        CloudEvent<?> published = CloudEvent.of(EventSamples.sample(EventType.ESG_REVIEW_COMPLETED));
        ObjectNode event = tree(EventSamples.json(published));
        data(event).put("reviewerNotes", "added in a later version");
        assertEquals(published, EventSamples.read(event.toString()));
    }

    @Test
    void aProducerCannotPublishAPayloadOutsideItsLimits() {
        var sample = (org.msp.events.partner.EndorsementGiven) EventSamples.sample(EventType.PARTNER_ENDORSEMENT_GIVEN);
        var bad = new org.msp.events.partner.EndorsementGiven(sample.projectId(), "t".repeat(201),
                sample.hostCountry(), sample.submittingPartner(), sample.minerals(), "XX");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EventSamples.json(bad));
        assertTrue(refused.getMessage().contains("data.partner") && refused.getMessage().contains("data.title"),
                refused.getMessage());
    }

    private static InvalidEventException refusedAfter(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode event = tree(EventSamples.json(EventSamples.sample(EventType.ESG_REVIEW_COMPLETED)));
        change.accept(event);
        return assertThrows(InvalidEventException.class, () -> EventSamples.read(event.toString()));
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
