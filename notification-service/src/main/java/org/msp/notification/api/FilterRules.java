package org.msp.notification.api;

import org.msp.events.EventType;
import org.msp.events.Mineral;
import org.msp.notification.domain.SubscriptionFilter;
import org.msp.events.CountryCode;
import org.msp.platform.api.Problem;
import org.msp.platform.api.ProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One set of rules for filters, whether they come as a subscription's JSON or as feed and stream
 * query parameters: project ids are UUIDs, countries ISO 3166-1 alpha-2 (or EU), minerals and
 * event types from the known lists. Every bad value is named in the 400.
 */
public final class FilterRules {
    static final int MAX_VALUES = 100;

    private FilterRules() {
    }

    /** Values may be repeated or comma-separated; null lists mean "any". */
    public static SubscriptionFilter parse(String prefix, List<String> projectIds, List<String> countries,
            List<String> minerals, List<String> eventTypes) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> projects = check(prefix + "projectIds", projectIds, FilterRules::isUuid,
                "must be a project id (UUID)", errors);
        Set<String> countryCodes = check(prefix + "countries", countries, CountryCode.Validator::isValid,
                "must be an ISO 3166-1 alpha-2 country code (upper case) or EU", errors);
        Set<String> mineralNames = check(prefix + "minerals", minerals, FilterRules::isMineral,
                "must be one of " + Arrays.toString(Mineral.values()), errors);
        Set<String> types = check(prefix + "eventTypes", eventTypes, t -> EventType.of(t).isPresent(),
                "unknown event type; known: " + Arrays.stream(EventType.values())
                        .map(EventType::type).collect(Collectors.joining(", ")), errors);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(Problem.FieldError::field).distinct()
                    .collect(Collectors.joining(", ", "invalid filter: ", ""));
            throw new ProblemException(400, "Bad Request", detail, errors);
        }
        return new SubscriptionFilter(projects, countryCodes, mineralNames, types);
    }

    private static Set<String> check(String field, List<String> raw, Predicate<String> valid, String message,
            List<Problem.FieldError> errors) {
        Set<String> values = new LinkedHashSet<>();
        if (raw == null) {
            return values;
        }
        int index = 0;
        for (String item : raw) {
            if (item == null) {
                errors.add(new Problem.FieldError(field + "[" + index + "]", "must not be null"));
                index++;
                continue;
            }
            for (String value : item.split(",")) {
                String trimmed = value.trim();
                if (!valid.test(trimmed)) {
                    errors.add(new Problem.FieldError(field + "[" + index + "]", message + " (was \""
                            + (trimmed.length() > 60 ? trimmed.substring(0, 60) + "…" : trimmed) + "\")"));
                } else {
                    values.add(trimmed);
                }
                index++;
            }
        }
        if (values.size() > MAX_VALUES) {
            errors.add(new Problem.FieldError(field, "at most " + MAX_VALUES + " values"));
        }
        return values;
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isMineral(String value) {
        return Arrays.stream(Mineral.values()).anyMatch(m -> m.name().equals(value));
    }
}
