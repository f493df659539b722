package org.msp.partner.domain;

import org.junit.jupiter.api.Test;
import org.msp.events.partner.DisclosureLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The scorecard's arithmetic, without Quarkus. */
class DisclosureScorecardTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void partnershipsAreCountedBySigningYearElseAnnouncementYearAndLevel() {
        Partnership signed = partnership(LocalDate.of(2023, 5, 1), null, DisclosureLevel.TEXT_PUBLISHED);
        Partnership announced = partnership(null, "2023-06", DisclosureLevel.ANNOUNCEMENT_ONLY);
        Partnership undated = partnership(null, null, null);
        DisclosureScorecard.Result result = DisclosureScorecard.of(List.of(undated, signed, announced), Map.of(), TODAY);
        assertEquals(List.of("2023", "not stated"), result.years().stream().map(DisclosureScorecard.YearRow::year).toList());
        assertEquals(1, result.years().get(0).counts().get("TEXT_PUBLISHED"));
        assertEquals(1, result.years().get(0).counts().get("ANNOUNCEMENT_ONLY"));
        assertEquals(0, result.years().get(0).counts().get("ROADMAP_PUBLISHED"));
        assertEquals(2, result.years().get(0).total());
        assertEquals(1, result.years().get(1).counts().get("NOT_ASSESSED"));
    }

    @Test
    void theShareCountsOnlyMilestonesThatAreDueOrMetWithADate() {
        Partnership p = partnership(null, "2022", null);
        List<Milestone> milestones = List.of(
                milestone(p, LocalDate.of(2024, 1, 1), MilestoneStatus.MET, LocalDate.of(2024, 1, 1)), // on time (same day)
                milestone(p, LocalDate.of(2024, 1, 1), MilestoneStatus.MET, LocalDate.of(2024, 1, 2)), // late
                milestone(p, LocalDate.of(2025, 1, 1), MilestoneStatus.NOT_MET, null),                // due, not met
                milestone(p, LocalDate.of(2027, 1, 1), MilestoneStatus.PLANNED, null),                // not due yet
                milestone(p, LocalDate.of(2027, 1, 1), MilestoneStatus.MET, LocalDate.of(2026, 1, 1)), // early
                milestone(p, null, MilestoneStatus.MET, null));                                        // undated
        DisclosureScorecard.PartnershipLine line = DisclosureScorecard.of(List.of(p), Map.of(p.id, milestones), TODAY)
                .partnerships().get(0);
        assertEquals(6, line.milestones());
        assertEquals(4, line.counted());
        assertEquals(2, line.metOnTime());
        assertEquals(1, line.overdue());
        assertEquals(0.5, line.shareMetOnTime());
        assertNull(DisclosureScorecard.of(List.of(p), Map.of(), TODAY).partnerships().get(0).shareMetOnTime());
    }

    private static Partnership partnership(LocalDate signedOn, String announced, DisclosureLevel level) {
        Partnership p = new Partnership();
        p.id = UUID.randomUUID();
        p.name = "test";
        p.signedOn = signedOn;
        p.announced = announced;
        p.disclosureLevel = level;
        return p;
    }

    private static Milestone milestone(Partnership p, LocalDate due, MilestoneStatus status, LocalDate met) {
        return Milestone.add(p.id, new Milestone.Terms("m", due, status, met, null), null);
    }
}
