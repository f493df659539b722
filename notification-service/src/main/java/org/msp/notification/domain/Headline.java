package org.msp.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import static org.msp.platform.events.EventText.shortened;

/**
 * The one line a person reads in the feed, e.g. "Kabwe zinc-lead recycling: ESG review completed —
 * cleared with conditions". Built from the event alone, so it never changes once recorded.
 */
public final class Headline {
    /** timeline_entry.summary is VARCHAR(1000); a longer line would fail the insert and sink the event. */
    public static final int MAX_LENGTH = 1000;
    /** A reason (project-service allows 2000 characters) is quoted in brief; the event keeps all of it. */
    static final int MAX_REASON = 300;

    private Headline() {
    }

    /** {@code title} may be null when the project's submitted event has not been seen (yet). */
    public static String of(PipelineEventType type, String title, String projectId, JsonNode data) {
        String subject = title != null && !title.isBlank() ? title : "Project " + projectId;
        return shortened(subject + ": " + what(type, data), MAX_LENGTH);
    }

    static String what(PipelineEventType type, JsonNode data) {
        return switch (type) {
            case PROJECT_SUBMITTED -> "proposal submitted" + by(text(data, "submittingPartner"));
            case PROJECT_STATUS_CHANGED -> statusChange(data);
            case PROJECT_PRIORITISED -> "prioritised for financing" + rankAndScore(data);
            case ESG_REVIEW_OPENED -> "ESG review opened";
            case ESG_REVIEW_ASSIGNED -> "ESG reviewer assigned";
            case ESG_REVIEW_COMPLETED -> "ESG review completed — " + outcome(text(data, "outcome"));
            case PARTNER_INTEREST_EXPRESSED -> interest(data);
            case PARTNER_ENDORSEMENT_GIVEN -> "endorsed" + by(text(data, "partner"));
            case PARTNER_ENDORSEMENT_WITHDRAWN -> orSomeone(text(data, "partner")) + " withdrew its endorsement";
        };
    }

    private static String statusChange(JsonNode data) {
        String to = text(data, "to");
        String reason = text(data, "reason");
        String what = switch (to == null ? "" : to) {
            case "ESG_REVIEW" -> "ESG review started";
            case "OPEN_FOR_SUPPORT" -> "cleared ESG review, open for partner support";
            case "ESG_REJECTED" -> "rejected at ESG review";
            case "ENDORSED" -> "endorsed by a quorum of partners";
            case "PRIORITISED" -> "prioritised for financing";
            case "WITHDRAWN" -> "withdrawn" + by(text(data, "submittingPartner"));
            case "SUBMITTED" -> "proposal submitted";
            default -> "status changed from " + orUnknown(text(data, "from")) + " to " + orUnknown(to);
        };
        return reason == null || reason.isBlank() ? what : what + " (" + shortened(reason, MAX_REASON) + ")";
    }

    private static String interest(JsonNode data) {
        StringBuilder line = new StringBuilder(orSomeone(text(data, "partner"))).append(" expressed interest");
        String instrument = text(data, "instrument");
        JsonNode amount = data.get("indicativeAmountUsd");
        if (instrument != null || (amount != null && amount.isNumber())) {
            line.append(" (");
            if (instrument != null) {
                line.append(humanise(instrument));
            }
            if (amount != null && amount.isNumber()) {
                line.append(instrument != null ? ", " : "").append("USD ")
                        .append(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(amount.decimalValue()));
            }
            line.append(')');
        }
        return line.toString();
    }

    private static String rankAndScore(JsonNode data) {
        if (!data.hasNonNull("rank")) {
            return "";
        }
        return " — rank " + data.get("rank").asText()
                + (data.hasNonNull("score") ? ", score " + plain(data.get("score")) : "");
    }

    private static String outcome(String outcome) {
        return outcome == null ? "outcome not stated" : humanise(outcome);
    }

    /** CLEARED_WITH_CONDITIONS → "cleared with conditions". */
    static String humanise(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String plain(JsonNode number) {
        return number.isNumber() ? new BigDecimal(number.asText()).stripTrailingZeros().toPlainString() : number.asText();
    }

    private static String by(String who) {
        return who == null ? "" : " by " + who;
    }

    private static String orSomeone(String who) {
        return who == null ? "A partner" : who;
    }

    private static String orUnknown(String status) {
        return status == null ? "unknown" : status;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}
