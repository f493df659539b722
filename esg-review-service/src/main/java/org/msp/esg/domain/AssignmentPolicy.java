package org.msp.esg.domain;

import java.util.List;

import static org.msp.esg.domain.ReviewRuleException.Kind.FORBIDDEN;
import static org.msp.esg.domain.ReviewRuleException.Kind.INVALID;

/**
 * Who may put whom on a review (SPEC §4): the secretariat names a reviewer and the country it reviews
 * under (the conflict-of-interest check needs it); an esg-reviewer claims a review only for itself,
 * under the country its token says. The review then applies its own rules ({@link Review#assign}).
 */
public final class AssignmentPolicy {
    private AssignmentPolicy() {
    }

    /** What the caller is allowed to do here. */
    public enum Authority { SECRETARIAT, REVIEWER }

    /**
     * The reviewer to assign. {@code namedReviewer} and {@code namedCountry} come from the request
     * (both null for a bare claim); {@code caller} is who sends it.
     */
    public static Reviewer reviewerFor(Authority authority, Reviewer caller, String namedReviewer, String namedCountry) {
        boolean namesSomeone = namedReviewer != null || namedCountry != null;
        if (authority == Authority.SECRETARIAT) {
            if (namedReviewer == null) {
                throw invalid("reviewer", namesSomeone ? "required when reviewerCountry is given"
                        : "the secretariat names the reviewer to assign");
            }
            if (namedCountry == null) {
                throw invalid("reviewerCountry", "required: the conflict-of-interest check needs the reviewer's country");
            }
            return new Reviewer(namedReviewer, namedCountry);
        }
        if (caller.country() == null) {
            throw new ReviewRuleException(FORBIDDEN, "the token carries no country claim");
        }
        // a reviewer claims only for itself, with the country its token says
        if ((namedReviewer != null && !namedReviewer.equals(caller.subject()))
                || (namedCountry != null && !namedCountry.equals(caller.country()))) {
            throw new ReviewRuleException(FORBIDDEN, "an esg-reviewer can only claim a review for itself; "
                    + "the secretariat assigns other reviewers");
        }
        return caller;
    }

    private static ReviewRuleException invalid(String field, String problem) {
        return new ReviewRuleException(INVALID, field + ": " + problem, List.of(field), problem);
    }
}
