package org.msp.esg.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command the review's rules refuse; nothing was changed. {@link Kind} tells the API which
 * status to answer with, {@code fields} names the offending request fields or items.
 */
public class ReviewRuleException extends RuntimeException {
    public enum Kind {
        /** Bad input the bean validation cannot see (e.g. a PARTIAL without comment): 400. */
        INVALID,
        /** The item (or other part of the review) named by the request does not exist: 404. */
        NOT_FOUND,
        /** The caller is not the one allowed to do this: 403. */
        FORBIDDEN,
        /** The review's state or a conflict of interest forbids it: 409. */
        CONFLICT,
        /** The review cannot be completed yet (e.g. unrated items): 422. */
        INCOMPLETE
    }

    private final Kind kind;
    private final Map<String, String> fieldMessages;

    public ReviewRuleException(Kind kind, String message) {
        this(kind, message, List.of(), null);
    }

    public ReviewRuleException(Kind kind, String message, List<String> fields, String fieldMessage) {
        super(message);
        this.kind = kind;
        Map<String, String> messages = new LinkedHashMap<>();
        fields.forEach(field -> messages.put(field, fieldMessage));
        this.fieldMessages = messages;
    }

    /** Refused for several reasons at once, each naming its field (or item, or comment) with its own message. */
    public ReviewRuleException(Kind kind, String message, Map<String, String> fieldMessages) {
        super(message);
        this.kind = kind;
        this.fieldMessages = new LinkedHashMap<>(fieldMessages);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> fields() {
        return List.copyOf(fieldMessages.keySet());
    }

    /** Each named field with why it was refused, in the order the rules found them. */
    public Map<String, String> fieldMessages() {
        return java.util.Collections.unmodifiableMap(fieldMessages);
    }
}
