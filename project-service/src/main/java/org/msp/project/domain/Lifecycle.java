package org.msp.project.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.msp.project.domain.ProjectStatus.*;
import static org.msp.project.domain.Transition.*;

/** The project lifecycle as one table: (status, transition) → next status. Nothing else sets a status. */
public final class Lifecycle {
    private static final Map<ProjectStatus, Map<Transition, ProjectStatus>> TABLE = new EnumMap<>(ProjectStatus.class);

    static {
        allow(DRAFT, SUBMIT, SUBMITTED);
        allow(SUBMITTED, OPEN_REVIEW, ESG_REVIEW);
        allow(ESG_REVIEW, CLEAR_REVIEW, OPEN_FOR_SUPPORT);
        allow(ESG_REVIEW, REJECT_REVIEW, ESG_REJECTED);
        allow(OPEN_FOR_SUPPORT, REACH_QUORUM, ENDORSED);
        allow(ENDORSED, LOSE_QUORUM, OPEN_FOR_SUPPORT);
        allow(ENDORSED, PRIORITISE, PRIORITISED);
        allow(PRIORITISED, FINANCE, FINANCED);
        for (ProjectStatus status : ProjectStatus.values()) {
            if (status.isWithdrawable()) {
                allow(status, WITHDRAW, WITHDRAWN);
            }
        }
    }

    private Lifecycle() {
    }

    private static void allow(ProjectStatus from, Transition transition, ProjectStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(Transition.class)).put(transition, to);
    }

    /** The status {@code transition} leads to from {@code from}, if the lifecycle allows it. */
    public static Optional<ProjectStatus> next(ProjectStatus from, Transition transition) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(transition));
    }

    public static ProjectStatus require(ProjectStatus from, Transition transition) {
        return next(from, transition).orElseThrow(() -> new IllegalTransitionException(from, transition));
    }
}
