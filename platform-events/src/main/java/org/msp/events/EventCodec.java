package org.msp.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes events of the contract as structured-mode CloudEvents JSON and reads them back, refusing at
 * the edge, before any database work, anything that is not one: a missing or malformed attribute, an
 * unknown type, a {@code source} that does not own the type's topic, a {@code subject} that is not the
 * payload's project id, or a payload that breaks its record's limits (types, enums, sizes, NUL).
 */
public final class EventCodec {
    private static final int MAX_ATTRIBUTE = 200;
    /**
     * Longest event id: what every service's inbox_message.event_id and outbox_message.event_id (and
     * partner-service's project.last_event_id) hold. A longer id passed the edge and then failed the
     * consumer's insert on every try, until it was dead-lettered minutes later. Producers use UUIDs.
     */
    public static final int MAX_ID = 100;
    /**
     * RFC 3339's full-date starts with exactly four year digits; java.time also reads signed years of up
     * to nine digits, which PostgreSQL's timestamptz cannot hold (it ends in 294276 AD).
     */
    private static final Pattern RFC_3339_YEAR = Pattern.compile("\\d{4}-.*", Pattern.DOTALL);
    private static final int MAX_PROBLEM = 300;

    private final ObjectMapper mapper;
    private final Validator validator;

    /** {@code mapper} must know java.time (jackson-datatype-jsr310); it is copied, not changed. */
    public EventCodec(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                // a tolerant reader: a field added by a newer producer is ignored, not a poison
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                // amounts travel as written (45000000.00, never 4.5E+7) and are read back unchanged
                .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
                .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        this.validator = validator;
    }

    /**
     * The record value to publish. A payload outside its limits is a bug of the producing service and
     * fails its transaction here, rather than poisoning every consumer later.
     */
    public String write(CloudEvent<?> event) {
        List<String> problems = problems(event.data());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("event " + event.type().type() + " breaks the contract: " + problems);
        }
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("specversion", CloudEvent.SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type().type());
        node.put("subject", event.subject());
        if (event.time() != null) {
            node.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time()));
        }
        node.put("datacontenttype", "application/json");
        node.put("data", event.data());
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + event.type(), e);
        }
    }

    /** Parses and validates {@code raw}; anything that is not an event of the contract is an {@link InvalidEventException}. */
    public CloudEvent<?> read(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidEventException("record", "empty record");
        }
        JsonNode node;
        try {
            node = mapper.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("record", "not JSON: " + brief(e.getOriginalMessage()), e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidEventException("record", "not a JSON object");
        }
        String specversion = attribute(node, "specversion");
        if (!CloudEvent.SPEC_VERSION.equals(specversion)) {
            throw new InvalidEventException("specversion", "must be 1.0, was " + brief(specversion));
        }
        String id = attribute(node, "id");
        if (id.length() > MAX_ID) {
            throw new InvalidEventException("id", "longer than " + MAX_ID + " characters");
        }
        String typeName = attribute(node, "type");
        EventType type = EventType.of(typeName)
                .orElseThrow(() -> new InvalidEventException("type", "unknown event type " + brief(typeName)));
        String source = attribute(node, "source");
        if (!source.equals(type.source())) {
            throw new InvalidEventException("source", source + " does not own " + type.topic().address()
                    + " (" + type.type() + " is published only by " + type.source() + ")");
        }
        String subject = attribute(node, "subject");
        OffsetDateTime time = time(node);
        EventData data = data(node, type);
        if (!subject.equals(data.projectId().toString())) {
            throw new InvalidEventException("subject", "subject " + subject + " is not data.projectId "
                    + data.projectId());
        }
        return new CloudEvent<>(id, source, type, subject, time, data);
    }

    /** What breaks the record's limits, each as "data.path: problem"; empty when it is valid. */
    public List<String> problems(EventData data) {
        return validator.validate(data).stream()
                .sorted(Comparator.comparing((ConstraintViolation<EventData> v) -> v.getPropertyPath().toString()))
                .map(v -> "data." + v.getPropertyPath() + ": " + v.getMessage())
                .toList();
    }

    private EventData data(JsonNode node, EventType type) {
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("data", "must be a JSON object");
        }
        EventData value;
        try {
            ObjectReader reader = mapper.readerFor(type.dataClass());
            value = reader.readValue(data);
        } catch (JsonMappingException e) {
            throw new InvalidEventException(path(e), brief(e.getOriginalMessage()), e);
        } catch (java.io.IOException e) {
            throw new InvalidEventException("data", brief(e.getMessage()), e);
        }
        List<String> problems = problems(value);
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            int colon = first.indexOf(": ");
            String others = problems.size() == 1 ? "" : "; also " + String.join("; ", problems.subList(1, problems.size()));
            throw new InvalidEventException(first.substring(0, colon), first.substring(colon + 2) + others);
        }
        return value;
    }

    /** The JSON path of a binding failure inside data, e.g. {@code data.conditions[0].rating}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("data");
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static OffsetDateTime time(JsonNode node) {
        JsonNode value = node.get("time");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!RFC_3339_YEAR.matcher(value.asText()).matches()) {
            throw new InvalidEventException("time", "not an RFC 3339 time (a four-digit year first): "
                    + brief(value.asText()));
        }
        try {
            return OffsetDateTime.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("time", "not an RFC 3339 time: " + brief(value.asText()), e);
        }
    }

    private static String attribute(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw new InvalidEventException(name, "missing");
        }
        if (!value.isTextual()) {
            throw new InvalidEventException(name, "must be a string");
        }
        String text = value.asText();
        if (text.length() > MAX_ATTRIBUTE) {
            throw new InvalidEventException(name, "longer than " + MAX_ATTRIBUTE + " characters");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidEventException(name, "must not contain the NUL character (U+0000)");
        }
        return text;
    }

    /** A problem quoted in a reason header: the offending text may be long or hostile. */
    private static String brief(String text) {
        if (text == null) {
            return "null";
        }
        String clean = text.replace('\u0000', '?');
        return clean.length() <= MAX_PROBLEM ? clean : clean.substring(0, MAX_PROBLEM) + "…";
    }
}
