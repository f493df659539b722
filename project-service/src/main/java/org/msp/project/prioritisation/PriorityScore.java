package org.msp.project.prioritisation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A project's 0-100 priority score and the components it adds up from. */
public record PriorityScore(UUID projectId, BigDecimal score, List<Component> breakdown) {

    /** One component: its value in 0-1, its normalised weight, the points it adds, and why. */
    public record Component(String name, BigDecimal value, BigDecimal weight, BigDecimal points, String explanation) {
    }
}
