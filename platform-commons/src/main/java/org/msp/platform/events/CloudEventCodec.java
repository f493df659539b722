package org.msp.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Writes and reads structured-mode CloudEvents, refusing records that lack a required attribute or
 * whose type is not in the platform's {@link EventCatalogue}.
 */
@ApplicationScoped
public class CloudEventCodec {
    private final ObjectMapper mapper;

    public CloudEventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + event.type(), e);
        }
    }

    /** Parses {@code raw}; anything that is not a complete CloudEvent 1.0 is a {@link MalformedEventException}. */
    public CloudEvent read(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new MalformedEventException("empty record");
        }
        JsonNode node;
        try {
            node = mapper.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("not a JSON object");
        }
        String specversion = text(node, "specversion");
        if (!CloudEvent.SPEC_VERSION.equals(specversion)) {
            throw new MalformedEventException("specversion must be 1.0, was " + specversion);
        }
        OffsetDateTime time = null;
        if (node.hasNonNull("time")) {
            try {
                time = OffsetDateTime.parse(node.get("time").asText());
            } catch (DateTimeParseException e) {
                throw new MalformedEventException("time is not RFC 3339: " + node.get("time").asText(), e);
            }
        }
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("data must be a JSON object");
        }
        String type = text(node, "type");
        if (!EventCatalogue.isKnown(type)) {
            throw new MalformedEventException("unknown event type " + type);
        }
        return new CloudEvent(specversion, text(node, "id"), text(node, "source"), type,
                optionalText(node, "subject"), time, optionalText(node, "datacontenttype"), data);
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing attribute " + field);
        }
        if (value.length() > 200) {
            throw new MalformedEventException("attribute " + field + " is longer than 200 characters");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedEventException("attribute " + field + " must be a string");
        }
        return value.asText();
    }
}
