package org.msp.notification.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadlineTest {
    final ObjectMapper json = new ObjectMapper();

    String line(PipelineEventType type, String title, String data) throws Exception {
        return Headline.of(type, title, "p-1", json.readTree(data));
    }

    @Test
    void reviewOutcomesReadAsPlainWords() throws Exception {
        assertEquals("Kabwe zinc-lead recycling: ESG review completed — cleared with conditions",
                line(PipelineEventType.ESG_REVIEW_COMPLETED, "Kabwe zinc-lead recycling",
                        "{\"outcome\":\"CLEARED_WITH_CONDITIONS\",\"score\":71.5}"));
    }

    @Test
    void lifecycleStepsAndPartnerActionsNameWhoDidWhat() throws Exception {
        assertEquals("Kolwezi: withdrawn by US (financing fell through)", line(PipelineEventType.PROJECT_STATUS_CHANGED,
                "Kolwezi", "{\"from\":\"OPEN_FOR_SUPPORT\",\"to\":\"WITHDRAWN\",\"submittingPartner\":\"US\","
                        + "\"reason\":\"financing fell through\"}"));
        assertEquals("Kolwezi: prioritised for financing — rank 2, score 81.5", line(PipelineEventType.PROJECT_PRIORITISED,
                "Kolwezi", "{\"rank\":2,\"score\":81.50}"));
        assertEquals("Kolwezi: JP expressed interest (loan, USD 25,000,000)",
                line(PipelineEventType.PARTNER_INTEREST_EXPRESSED, "Kolwezi",
                        "{\"partner\":\"JP\",\"instrument\":\"LOAN\",\"indicativeAmountUsd\":25000000}"));
        assertEquals("Kolwezi: FR withdrew its endorsement",
                line(PipelineEventType.PARTNER_ENDORSEMENT_WITHDRAWN, "Kolwezi", "{\"partner\":\"FR\"}"));
    }

    @Test
    void aProjectNotYetKnownIsNamedByItsId() throws Exception {
        assertEquals("Project p-1: endorsed by SE",
                line(PipelineEventType.PARTNER_ENDORSEMENT_GIVEN, null, "{\"partner\":\"SE\"}"));
    }

    @Test
    void aLongReasonIsQuotedInBriefAndTheLineFitsTheColumn() throws Exception {
        String reason = "x".repeat(2000);
        String headline = line(PipelineEventType.PROJECT_STATUS_CHANGED, "Kolwezi",
                "{\"to\":\"WITHDRAWN\",\"reason\":\"" + reason + "\"}");
        assertEquals("Kolwezi: withdrawn (" + "x".repeat(Headline.MAX_REASON - 1) + "…)", headline);

        String longest = line(PipelineEventType.ESG_REVIEW_COMPLETED, "Kolwezi",
                "{\"outcome\":\"" + "A".repeat(5000) + "\"}");
        assertEquals(Headline.MAX_LENGTH, longest.codePointCount(0, longest.length()));
        assertTrue(longest.endsWith("a…"));
    }
}
