package org.msp.notification.domain;

import org.junit.jupiter.api.Test;
import org.msp.events.CloudEvent;
import org.msp.events.EventData;
import org.msp.events.EventSamples;
import org.msp.events.EventSamples.Facts;
import org.msp.events.Mineral;
import org.msp.events.esg.CommentDisposition;
import org.msp.events.esg.ReviewOutcome;
import org.msp.events.esg.RiskCategory;
import org.msp.events.partner.Instrument;
import org.msp.events.project.ActionItemStatus;
import org.msp.events.project.DocumentType;
import org.msp.events.project.HostConsent;
import org.msp.events.project.ProjectStatus;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadlineTest {
    static final Facts KOLWEZI = Facts.of(UUID.randomUUID(), "CD", "US", Mineral.COBALT).titled("Kolwezi");

    static String line(EventData data) {
        return Headline.of(CloudEvent.of(data).type(), data);
    }

    @Test
    void reviewOutcomesReadAsPlainWords() {
        assertEquals("Kabwe zinc-lead recycling: ESG review completed — cleared with conditions",
                line(EventSamples.reviewCompleted(KOLWEZI.titled("Kabwe zinc-lead recycling"), UUID.randomUUID(),
                        ReviewOutcome.CLEARED_WITH_CONDITIONS, new BigDecimal("71.5"))));
    }

    @Test
    void lifecycleStepsAndPartnerActionsNameWhoDidWhat() {
        assertEquals("Kolwezi: withdrawn by US (financing fell through)", line(EventSamples.statusChanged(KOLWEZI,
                ProjectStatus.OPEN_FOR_SUPPORT, ProjectStatus.WITHDRAWN, "financing fell through")));
        assertEquals("Kolwezi: prioritised for financing — rank 2, score 81.5",
                line(EventSamples.prioritised(KOLWEZI, 2, new BigDecimal("81.50"))));
        assertEquals("Kolwezi: JP expressed interest (loan, USD 25,000,000)",
                line(EventSamples.interest(KOLWEZI, "JP", Instrument.LOAN, new BigDecimal("25000000"))));
        assertEquals("Kolwezi: FR withdrew its endorsement", line(EventSamples.endorsementWithdrawn(KOLWEZI, "FR")));
    }

    @Test
    void aPartnerOrReviewEventIsTitledByTheProjectItCarries() {
        // the project's own submitted event need not have been seen: every event carries the title
        assertEquals("Kolwezi: endorsed by SE", line(EventSamples.endorsed(KOLWEZI, "SE")));
        assertEquals("Kolwezi: ESG review opened", line(EventSamples.reviewOpened(KOLWEZI, UUID.randomUUID())));
    }

    @Test
    void aLongReasonIsQuotedInBriefAndTheLongestLineFitsTheColumn() {
        String headline = line(EventSamples.statusChanged(KOLWEZI, ProjectStatus.OPEN_FOR_SUPPORT,
                ProjectStatus.WITHDRAWN, "x".repeat(2000)));
        assertEquals("Kolwezi: withdrawn by US (" + "x".repeat(Headline.MAX_REASON - 1) + "…)", headline);

        // the longest title and reason the contract allows
        String longest = line(EventSamples.statusChanged(KOLWEZI.titled("t".repeat(EventData.TITLE)),
                ProjectStatus.OPEN_FOR_SUPPORT, ProjectStatus.WITHDRAWN, "r".repeat(EventData.TEXT)));
        assertTrue(longest.codePointCount(0, longest.length()) <= Headline.MAX_LENGTH, longest);
        assertTrue(longest.endsWith("r…)"), longest);
    }

    @Test
    void documentsAndConsultationStepsReadAsPlainWords() {
        String hash = "ab12".repeat(16);
        assertEquals("Kolwezi: document published — feasibility study \u201cBankable feasibility study\u201d (SHA-256 "
                + "ab12ab12ab12…)", line(EventSamples.documentPublished(KOLWEZI, UUID.randomUUID(),
                DocumentType.feasibilityStudy, hash)));
        UUID review = UUID.randomUUID();
        OffsetDateTime opens = OffsetDateTime.parse("2026-12-01T10:00:00Z");
        assertEquals("Kolwezi: public consultation open until 2026-12-31 (risk category B)",
                line(EventSamples.consultationOpened(KOLWEZI, review, RiskCategory.B, opens, opens.plusDays(30))));
        assertEquals("Kolwezi: comment received in the public consultation",
                line(EventSamples.commentReceived(KOLWEZI, review, UUID.randomUUID())));
        assertEquals("Kolwezi: consultation comment answered — out of scope", line(EventSamples.commentAnswered(
                KOLWEZI, review, UUID.randomUUID(), CommentDisposition.OUT_OF_SCOPE)));
        assertEquals("Kolwezi: public consultation closed (1 comment)",
                line(EventSamples.consultationClosed(KOLWEZI, review, opens.plusDays(30), 1)));
    }

    @Test
    void partnershipsConsentAndFollowThroughReadAsPlainWords() {
        assertEquals("Kolwezi: proposed under UK-US critical minerals MOU", line(EventSamples.partnershipNamed(
                KOLWEZI, UUID.randomUUID(), "UK-US critical minerals MOU")));
        assertEquals("Kolwezi: the host government (CD) objected (no community agreement yet)",
                line(EventSamples.hostConsent(KOLWEZI, HostConsent.OBJECTED, "no community agreement yet")));
        assertEquals("Kolwezi: action plan drawn up from the ESG review (1 condition)",
                line(EventSamples.actionPlan(KOLWEZI, ActionItemStatus.SCHEDULED, null)));
        assertEquals("Kolwezi: action plan: Resettlement action plan — partially met, verified by a reviewer from JP",
                line(EventSamples.actionPlan(KOLWEZI, ActionItemStatus.PARTIALLY_MET, EventSamples.SAMPLE_CONDITION)));
        assertEquals("Kolwezi: GB committed USD 20,000,000 (loan)", line(EventSamples.commitment(KOLWEZI,
                UUID.randomUUID(), "GB", new BigDecimal("20000000.00"))));
        assertEquals("Kolwezi: GB disbursed USD 5,000,000 overriding unmet critical condition IFC-PS5-1 (tranche "
                + "needed for the resettlement itself)", line(EventSamples.disbursement(KOLWEZI, UUID.randomUUID(), "GB",
                new BigDecimal("5000000.00"), "tranche needed for the resettlement itself")));
        assertEquals("Kolwezi: financed: the first financing commitment was recorded", line(EventSamples.statusChanged(
                KOLWEZI, ProjectStatus.PRIORITISED, ProjectStatus.FINANCED, null)));
    }
}
