package org.msp.platform.api;

import java.util.Arrays;
import java.util.Locale;

/**
 * Query parameters read by hand where JAX-RS would answer a bad value with a bare 404: an enum
 * constant named in a filter is 400 naming the parameter.
 */
public final class RequestParameters {
    private RequestParameters() {
    }

    /** The constant {@code value} names (case and surrounding blanks ignored); null when absent. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
