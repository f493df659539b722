package org.msp.notification.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionFilterTest {
    static final String COMPLETED = "org.msp.esg.review-completed.v1";

    @Test
    void anEmptyFilterMatchesEverything() {
        assertTrue(SubscriptionFilter.EVERYTHING.matches("p", List.of(), List.of(), COMPLETED));
    }

    @Test
    void anyValueOfAFieldMatchesButEveryGivenFieldMustMatch() {
        SubscriptionFilter filter = new SubscriptionFilter(Set.of(), Set.of("ZM", "CD"), Set.of("COBALT"),
                Set.of(COMPLETED));
        assertTrue(filter.matches("p", List.of("CD", "US"), List.of("COPPER", "COBALT"), COMPLETED));
        assertFalse(filter.matches("p", List.of("CD"), List.of("COPPER"), COMPLETED), "mineral missing");
        assertFalse(filter.matches("p", List.of("AR"), List.of("COBALT"), COMPLETED), "country missing");
        assertFalse(filter.matches("p", List.of("CD"), List.of("COBALT"), "org.msp.esg.review-opened.v1"));
    }

    @Test
    void aProjectFilterNamesProjects() {
        SubscriptionFilter filter = new SubscriptionFilter(Set.of("a"), Set.of(), Set.of(), Set.of());
        assertTrue(filter.matches("a", List.of(), List.of(), COMPLETED));
        assertFalse(filter.matches("b", List.of(), List.of(), COMPLETED));
    }
}
