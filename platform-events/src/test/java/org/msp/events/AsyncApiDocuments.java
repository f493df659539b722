package org.msp.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The AsyncAPI 3 document of each topic, derived from {@link EventType} and the records' components and
 * constraints, so the published documents say exactly what the codec accepts.
 */
final class AsyncApiDocuments {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private AsyncApiDocuments() {
    }

    static String fileName(Topic topic) {
        return topic.address() + ".asyncapi.yaml";
    }

    static String yaml(Topic topic) {
        try {
            return "# Generated from platform-events (EventType and the event records) by AsyncApiDocumentsTest:\n"
                    + "# edit the records, then run ./mvnw -pl platform-events test -Dasyncapi.write=true\n"
                    + YAML.writeValueAsString(document(topic));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> document(Topic topic) {
        String channel = channelKey(topic);
        List<EventType> types = Arrays.stream(EventType.values()).filter(t -> t.topic() == topic).toList();
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> channelMessages = new LinkedHashMap<>();
        List<Object> operationMessages = new ArrayList<>();
        for (EventType type : types) {
            String name = type.dataClass().getSimpleName();
            schemas.put(name + "Event", envelope(type));
            schema(type.dataClass(), schemas, type.description());
            messages.put(name, map(
                    "name", type.type(),
                    "title", name,
                    "summary", type.description(),
                    "contentType", "application/cloudevents+json",
                    "bindings", map("kafka", map("key", map("type", "string", "format", "uuid",
                            "description", "the project id (also the CloudEvents subject)"), "bindingVersion", "0.5.0")),
                    "payload", ref("#/components/schemas/" + name + "Event")));
            channelMessages.put(name, ref("#/components/messages/" + name));
            operationMessages.add(ref("#/channels/" + channel + "/messages/" + name));
        }
        return map(
                "asyncapi", "3.0.0",
                "info", map(
                        "title", "MSP pipeline events on " + topic.address(),
                        "version", "1.0.0",
                        "description", "CloudEvents 1.0 in structured JSON mode, keyed by project id, published only by "
                                + topic.owner() + " through its transactional outbox. Consumers refuse (dead-letter) any "
                                + "event from another source, whose subject is not data.projectId, or whose data breaks "
                                + "the limits below.",
                        "license", map("name", "Apache-2.0")),
                "defaultContentType", "application/cloudevents+json",
                "channels", map(channel, map(
                        "address", topic.address(),
                        "description", "Events owned by " + topic.owner() + ".",
                        "messages", channelMessages)),
                "operations", map("publish" + capitalised(channel), map(
                        "action", "send",
                        "summary", topic.owner() + " publishes these events.",
                        "channel", ref("#/channels/" + channel),
                        "messages", operationMessages)),
                "components", map("messages", messages, "schemas", schemas));
    }

    private static Map<String, Object> envelope(EventType type) {
        return map(
                "type", "object",
                "required", List.of("specversion", "id", "source", "type", "subject", "data"),
                "properties", map(
                        "specversion", map("type", "string", "const", CloudEvent.SPEC_VERSION),
                        "id", map("type", "string", "minLength", 1, "maxLength", EventCodec.MAX_ID),
                        "source", map("type", "string", "const", type.source()),
                        "type", map("type", "string", "const", type.type()),
                        "subject", map("type", "string", "format", "uuid", "description", "equals data.projectId"),
                        "time", map("type", "string", "format", "date-time"),
                        "datacontenttype", map("type", "string", "const", "application/json"),
                        "data", ref("#/components/schemas/" + type.dataClass().getSimpleName())));
    }

    /** Adds the schema of {@code record} (and of the records it holds) to {@code schemas}. */
    private static void schema(Class<?> record, Map<String, Object> schemas, String description) {
        if (schemas.containsKey(record.getSimpleName())) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (description != null) {
            schema.put("description", description);
        }
        schemas.put(record.getSimpleName(), schema);
        for (RecordComponent component : record.getRecordComponents()) {
            AnnotatedElement annotations = component.getAccessor();
            if (annotations.isAnnotationPresent(NotNull.class) || annotations.isAnnotationPresent(NotBlank.class)
                    || annotations.isAnnotationPresent(NotEmpty.class)) {
                required.add(component.getName());
            }
            properties.put(component.getName(), property(component.getAccessor().getAnnotatedReturnType(),
                    annotations, schemas));
        }
        schema.put("required", required);
        schema.put("properties", properties);
    }

    private static Map<String, Object> property(AnnotatedType annotated, AnnotatedElement constraints,
            Map<String, Object> schemas) {
        Class<?> type = raw(annotated);
        Map<String, Object> property = new LinkedHashMap<>();
        Size size = constraints.getAnnotation(Size.class);
        if (type == String.class) {
            property.put("type", "string");
            if (constraints.isAnnotationPresent(NotBlank.class)) {
                property.put("minLength", 1);
            }
            if (size != null) {
                if (size.min() > 0) {
                    property.put("minLength", size.min());
                }
                property.put("maxLength", size.max());
            }
            if (constraints.isAnnotationPresent(CountryCode.class)) {
                property.put("pattern", "^[A-Z]{2}$");
                property.put("description", "ISO 3166-1 alpha-2 country code, or EU");
            } else if (constraints.isAnnotationPresent(NoNul.class)) {
                property.put("pattern", "^[^\\u0000]*$");
            }
        } else if (type == UUID.class) {
            property.put("type", "string");
            property.put("format", "uuid");
        } else if (type == BigDecimal.class) {
            property.put("type", "number");
            DecimalMin min = constraints.getAnnotation(DecimalMin.class);
            DecimalMax max = constraints.getAnnotation(DecimalMax.class);
            Digits digits = constraints.getAnnotation(Digits.class);
            if (min != null) {
                property.put("minimum", new BigDecimal(min.value()));
            }
            if (max != null) {
                property.put("maximum", new BigDecimal(max.value()));
            }
            if (digits != null) {
                property.put("multipleOf", BigDecimal.ONE.movePointLeft(digits.fraction()));
                property.put("description", "at most " + digits.integer() + " integer and " + digits.fraction()
                        + " fraction digits");
            }
        } else if (type == Integer.class || type == Long.class) {
            property.put("type", "integer");
            if (type == Long.class) {
                property.put("format", "int64");
            }
            Min min = constraints.getAnnotation(Min.class);
            if (min != null) {
                property.put("minimum", min.value());
            }
        } else if (type == java.time.OffsetDateTime.class) {
            property.put("type", "string");
            property.put("format", "date-time");
        } else if (type == java.time.LocalDate.class) {
            property.put("type", "string");
            property.put("format", "date");
        } else if (type == Boolean.class) {
            property.put("type", "boolean");
        } else if (type.isEnum()) {
            property.put("type", "string");
            property.put("enum", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        } else if (type == List.class) {
            AnnotatedType element = ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[0];
            property.put("type", "array");
            if (size != null) {
                if (size.min() > 0) {
                    property.put("minItems", size.min());
                }
                property.put("maxItems", size.max());
            }
            property.put("items", property(element, element, schemas));
        } else if (type.isRecord()) {
            schema(type, schemas, null);
            return ref("#/components/schemas/" + type.getSimpleName());
        } else {
            throw new IllegalStateException("no schema mapping for " + type + ": extend AsyncApiDocuments");
        }
        return property;
    }

    private static Class<?> raw(AnnotatedType annotated) {
        java.lang.reflect.Type type = annotated.getType();
        if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return (Class<?>) type;
    }

    private static String channelKey(Topic topic) {
        String[] words = topic.address().substring("msp.".length()).split("-");
        StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(capitalised(words[i]));
        }
        return key.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static Map<String, Object> ref(String target) {
        return map("$ref", target);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
