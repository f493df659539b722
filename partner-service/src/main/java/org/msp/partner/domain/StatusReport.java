package org.msp.partner.domain;

import java.time.OffsetDateTime;

/**
 * A project status as one event reports it: the status it moved {@code from} (null for a
 * submission), the status it is now in, and when that happened (null if the event had no time).
 */
public record StatusReport(ProjectStatus from, ProjectStatus to, OffsetDateTime at) {

    /** Whether this report should replace what is known ({@code current}, set at {@code currentAt}). */
    public Verdict judge(ProjectStatus current, OffsetDateTime currentAt) {
        if (current == to) {
            return Verdict.stale("already " + to);
        }
        if (current.isTerminal()) {
            return Verdict.stale("project is already " + current + " (terminal)");
        }
        if (at != null && currentAt != null && at.isBefore(currentAt)) {
            return Verdict.stale("reported at " + at + ", before the known status " + current + " at " + currentAt);
        }
        // a step from the status we hold is always legal, including ENDORSED -> OPEN_FOR_SUPPORT
        if (from == current) {
            return Verdict.APPLY;
        }
        // intermediate events may be missing or late; moving forward (or ending) is still right
        if (to.isTerminal() || to.ordinal() > current.ordinal()) {
            return Verdict.APPLY;
        }
        return Verdict.stale(current + " -> " + to + " would move the project backwards");
    }

    /** Apply the report, or skip it with a reason. */
    public record Verdict(boolean apply, String reason) {
        public static final Verdict APPLY = new Verdict(true, null);

        static Verdict stale(String reason) {
            return new Verdict(false, reason);
        }
    }
}
