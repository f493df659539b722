package org.msp.notification.api;

import org.msp.notification.domain.SubscriptionFilter;

import java.util.List;

/** A subscription's filter as JSON: each list empty means "any". */
public record FilterView(List<String> projectIds, List<String> countries, List<String> minerals,
        List<String> eventTypes) {

    static FilterView of(SubscriptionFilter filter) {
        return new FilterView(filter.projectIds().stream().sorted().toList(),
                filter.countries().stream().sorted().toList(),
                filter.minerals().stream().sorted().toList(),
                filter.eventTypes().stream().sorted().toList());
    }
}
