package org.msp.project.domain;

/** A transition the lifecycle does not allow from the project's current status. */
public class IllegalTransitionException extends RuntimeException {
    private final ProjectStatus from;
    private final Transition transition;

    public IllegalTransitionException(ProjectStatus from, Transition transition) {
        super("a project in status " + from + " cannot " + transition.name().toLowerCase().replace('_', ' '));
        this.from = from;
        this.transition = transition;
    }

    public ProjectStatus from() {
        return from;
    }

    public Transition transition() {
        return transition;
    }
}
