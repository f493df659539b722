package org.msp.events;

/**
 * A consumed record that is not an event of the contract: it belongs on the dead-letter topic at once,
 * never retried. The message names what was wrong and where ({@code field}: an envelope attribute or
 * {@code data.<path>}); it becomes the dead-letter record's reason header.
 */
public class InvalidEventException extends RuntimeException {
    private final String field;

    public InvalidEventException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public InvalidEventException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
    }

    /** The attribute or data path at fault, e.g. {@code source} or {@code data.title}. */
    public String field() {
        return field;
    }
}
