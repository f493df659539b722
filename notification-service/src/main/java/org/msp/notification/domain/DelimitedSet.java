package org.msp.notification.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of codes stored in one column as {@code ",ZM,GB,"}: a filter on one code is then a plain
 * {@code LIKE '%,ZM,%'}, and the empty set is {@code ","}.
 */
public final class DelimitedSet {
    private DelimitedSet() {
    }

    public static String encode(Collection<String> values) {
        return values.stream().collect(Collectors.joining(",", ",", ","));
    }

    public static Set<String> decode(String column) {
        if (column == null) {
            return Set.of();
        }
        return Arrays.stream(column.split(",")).filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The LIKE pattern that finds {@code value} in an encoded column. */
    public static String containing(String value) {
        return "%," + value + ",%";
    }
}
