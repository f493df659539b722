package org.msp.project.prioritisation;

import org.msp.project.domain.Disclosure;

/**
 * What backs each disclosure the project declared (SPEC §9): a published document for the feasibility
 * study and the agreement, a closed public consultation for the consultation. A declaration alone
 * counts for nothing in the score; the explanation says which is which. Each document is described as
 * the breakdown shows it, e.g. {@code “Bankable feasibility study” (sha256 9c2f61d0a4b7…)}, or null.
 */
public record DisclosureEvidence(Disclosure declared, String feasibilityStudyDocument, String agreementDocument,
        boolean consultationClosed) {

    public int backed() {
        return (feasibilityStudyDocument != null ? 1 : 0) + (agreementDocument != null ? 1 : 0)
                + (consultationClosed ? 1 : 0);
    }

    public String explanation() {
        return "feasibility study: " + item(declared.feasibilityStudyPublic, feasibilityStudyDocument, "no document")
                + "; agreement: " + item(declared.agreementPublic, agreementDocument, "no document")
                + "; community consultation: " + item(declared.communityConsultationHeld,
                consultationClosed ? "public consultation closed on the platform" : null, "no public consultation closed");
    }

    private static String item(boolean declaredPublic, String evidence, String missing) {
        if (evidence != null) {
            return (evidence.startsWith("\u201c") ? "document " : "") + evidence;
        }
        return declaredPublic ? "declared, " + missing : "not disclosed";
    }
}
