package org.msp.notification.domain;

import org.msp.events.EventData;
import org.msp.events.EventType;
import org.msp.events.esg.CommentAnswered;
import org.msp.events.esg.ConsultationClosed;
import org.msp.events.esg.ConsultationOpened;
import org.msp.events.esg.ReviewCompleted;
import org.msp.events.partner.CommitmentRecorded;
import org.msp.events.partner.DisbursementRecorded;
import org.msp.events.partner.EndorsementGiven;
import org.msp.events.partner.EndorsementWithdrawn;
import org.msp.events.partner.InterestExpressed;
import org.msp.events.partner.PartnershipNamed;
import org.msp.events.project.ActionPlanUpdated;
import org.msp.events.project.DocumentPublished;
import org.msp.events.project.HostConsent;
import org.msp.events.project.HostConsentRecorded;
import org.msp.events.project.ProjectPrioritised;
import org.msp.events.project.ProjectStatusChanged;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import static org.msp.platform.events.EventText.shortened;

/**
 * The one line a person reads in the feed, e.g. "Kabwe zinc-lead recycling: ESG review completed —
 * cleared with conditions". Built from the event alone, so it never changes once recorded.
 */
public final class Headline {
    /** timeline_entry.summary is VARCHAR(1000); the event's own limits keep a line well below it. */
    public static final int MAX_LENGTH = 1000;
    /** A reason (project-service allows 2000 characters) is quoted in brief; the event keeps all of it. */
    static final int MAX_REASON = 300;

    private Headline() {
    }

    public static String of(EventType type, EventData data) {
        return shortened(data.title() + ": " + what(type, data), MAX_LENGTH);
    }

    static String what(EventType type, EventData data) {
        return switch (type) {
            case PROJECT_SUBMITTED -> "proposal submitted by " + data.submittingPartner();
            case PROJECT_STATUS_CHANGED -> statusChange((ProjectStatusChanged) data);
            case PROJECT_PRIORITISED -> "prioritised for financing" + rankAndScore((ProjectPrioritised) data);
            case ESG_REVIEW_OPENED -> "ESG review opened";
            case ESG_REVIEW_ASSIGNED -> "ESG reviewer assigned";
            case ESG_REVIEW_COMPLETED -> "ESG review completed — " + humanise(((ReviewCompleted) data).outcome().name());
            case PARTNER_INTEREST_EXPRESSED -> interest((InterestExpressed) data);
            case PARTNER_ENDORSEMENT_GIVEN -> "endorsed by " + ((EndorsementGiven) data).partner();
            case PARTNER_ENDORSEMENT_WITHDRAWN -> ((EndorsementWithdrawn) data).partner() + " withdrew its endorsement";
            case PROJECT_DOCUMENT_PUBLISHED -> document((DocumentPublished) data);
            case ESG_CONSULTATION_OPENED -> consultationOpened((ConsultationOpened) data);
            case ESG_COMMENT_RECEIVED -> "comment received in the public consultation";
            case ESG_COMMENT_ANSWERED -> "consultation comment answered — "
                    + humanise(((CommentAnswered) data).disposition().name());
            case ESG_CONSULTATION_CLOSED -> consultationClosed((ConsultationClosed) data);
            case PROJECT_HOST_CONSENT_RECORDED -> hostConsent((HostConsentRecorded) data);
            case PROJECT_ACTION_PLAN_UPDATED -> actionPlan((ActionPlanUpdated) data);
            case PARTNER_PARTNERSHIP_NAMED -> partnership((PartnershipNamed) data);
            case PARTNER_COMMITMENT_RECORDED -> commitment((CommitmentRecorded) data);
            case PARTNER_DISBURSEMENT_RECORDED -> disbursement((DisbursementRecorded) data);
        };
    }

    private static String statusChange(ProjectStatusChanged change) {
        String what = switch (change.to()) {
            case ESG_REVIEW -> "ESG review started";
            case OPEN_FOR_SUPPORT -> "cleared ESG review, open for partner support";
            case ESG_REJECTED -> "rejected at ESG review";
            case ENDORSED -> "endorsed by a quorum of partners";
            case PRIORITISED -> "prioritised for financing";
            case FINANCED -> "financed: the first financing commitment was recorded";
            case WITHDRAWN -> "withdrawn by " + change.submittingPartner();
            case SUBMITTED -> "proposal submitted";
            default -> "status changed from " + change.from() + " to " + change.to();
        };
        String reason = change.reason();
        return reason == null || reason.isBlank() ? what : what + " (" + shortened(reason, MAX_REASON) + ")";
    }

    private static String interest(InterestExpressed interest) {
        return interest.partner() + " expressed interest (" + humanise(interest.instrument().name()) + ", USD "
                + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(interest.indicativeAmountUsd()) + ")";
    }

    private static String document(DocumentPublished document) {
        String what = document.supersedes() == null ? "document published — " : "new version of a document published — ";
        return what + splitCamelCase(document.documentType().name()) + " \u201c"
                + shortened(document.documentTitle(), MAX_REASON) + "\u201d (SHA-256 " + document.sha256().substring(0, 12) + "…)";
    }

    private static String consultationOpened(ConsultationOpened opened) {
        return "public consultation open until " + opened.closesAt().toLocalDate() + " (risk category "
                + opened.riskCategory() + ")";
    }

    private static String consultationClosed(ConsultationClosed closed) {
        int shown = closed.comments() - closed.hiddenComments();
        return "public consultation closed (" + (shown == 1 ? "1 comment" : shown + " comments") + ")";
    }

    private static String hostConsent(HostConsentRecorded recorded) {
        String what = recorded.consent() == HostConsent.CONSENTED ? "the host government (" + recorded.hostCountry()
                + ") consented" : "the host government (" + recorded.hostCountry() + ") objected";
        String reason = recorded.reason();
        return reason == null || reason.isBlank() ? what : what + " (" + shortened(reason, MAX_REASON) + ")";
    }

    private static String actionPlan(ActionPlanUpdated plan) {
        if (plan.changedItem() == null) {
            int n = plan.items().size();
            return "action plan drawn up from the ESG review (" + (n == 1 ? "1 condition" : n + " conditions") + ")";
        }
        return plan.items().stream().filter(item -> item.code().equals(plan.changedItem())).findFirst()
                .map(item -> "action plan: " + shortened(item.title(), MAX_REASON) + " — " + humanise(item.status().name())
                        + (item.verifiedBy() == null ? "" : ", verified by a reviewer from " + item.verifiedBy()))
                .orElse("action plan updated");
    }

    private static String partnership(PartnershipNamed named) {
        return named.partnershipId() == null ? "no longer proposed under a partnership"
                : "proposed under " + shortened(named.partnershipName(), MAX_REASON);
    }

    private static String commitment(CommitmentRecorded commitment) {
        return commitment.partner() + " committed " + money(commitment.currency(), commitment.amount()) + " ("
                + humanise(commitment.instrument().name()) + ")";
    }

    private static String disbursement(DisbursementRecorded disbursement) {
        String what = disbursement.partner() + " disbursed " + money(disbursement.currency(), disbursement.amount());
        return disbursement.overrideReason() == null ? what
                : what + " overriding unmet critical condition " + String.join(", ", disbursement.overriddenConditions())
                        + " (" + shortened(disbursement.overrideReason(), MAX_REASON) + ")";
    }

    private static String money(String currency, BigDecimal amount) {
        return currency + " " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(amount);
    }

    private static String rankAndScore(ProjectPrioritised prioritised) {
        return " — rank " + prioritised.rank() + ", score " + plain(prioritised.score());
    }

    /** CLEARED_WITH_CONDITIONS → "cleared with conditions". */
    static String humanise(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** feasibilityStudy → "feasibility study" (OC4IDS codes are camel case). */
    static String splitCamelCase(String code) {
        return code.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
