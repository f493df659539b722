package org.msp.notification.domain;

import java.util.Collection;
import java.util.Set;

/**
 * Which timeline entries a subscriber (or a feed or stream reader) wants. Within a field any value
 * may match; every non-empty field must match; an empty filter matches everything.
 */
public record SubscriptionFilter(Set<String> projectIds, Set<String> countries, Set<String> minerals,
        Set<String> eventTypes) {

    public static final SubscriptionFilter EVERYTHING = new SubscriptionFilter(Set.of(), Set.of(), Set.of(), Set.of());

    public SubscriptionFilter {
        projectIds = Set.copyOf(projectIds);
        countries = Set.copyOf(countries);
        minerals = Set.copyOf(minerals);
        eventTypes = Set.copyOf(eventTypes);
    }

    public boolean matches(String projectId, Collection<String> entryCountries, Collection<String> entryMinerals,
            String eventType) {
        return (projectIds.isEmpty() || projectIds.contains(projectId))
                && (countries.isEmpty() || entryCountries.stream().anyMatch(countries::contains))
                && (minerals.isEmpty() || entryMinerals.stream().anyMatch(minerals::contains))
                && (eventTypes.isEmpty() || eventTypes.contains(eventType));
    }

    public boolean matches(TimelineEntry entry) {
        return matches(entry.projectId, entry.countries(), entry.minerals(), entry.eventType);
    }
}
