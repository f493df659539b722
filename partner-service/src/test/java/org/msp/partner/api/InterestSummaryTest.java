package org.msp.partner.api;

import org.junit.jupiter.api.Test;
import org.msp.partner.domain.Instrument;
import org.msp.partner.domain.PartnerInterest;
import org.msp.partner.domain.Project;
import org.msp.partner.domain.ProjectStatus;
import org.msp.partner.domain.StatusReport;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The public interest summary adds up every partner's current interest. */
class InterestSummaryTest {
    @Test
    void summarisesPartnersInstrumentsAndTheTotalAmount() {
        OffsetDateTime now = OffsetDateTime.now();
        Project project = Project.firstReported(UUID.randomUUID(),
                new StatusReport(null, ProjectStatus.OPEN_FOR_SUPPORT, now), "e1", now);
        List<PartnerInterest> interests = List.of(
                interest(project, "US", Instrument.LOAN, "25000000.00"),
                interest(project, "JP", Instrument.OFFTAKE, "10000000.50"),
                interest(project, "EU", Instrument.LOAN, "5000000"));

        InterestSummary summary = InterestSummary.of(project, interests);

        assertEquals(List.of("EU", "JP", "US"), summary.partners());
        assertEquals(List.of(Instrument.LOAN, Instrument.OFFTAKE), summary.instruments());
        assertEquals(0, new BigDecimal("40000000.50").compareTo(summary.totalIndicativeAmountUsd()));
        assertEquals(ProjectStatus.OPEN_FOR_SUPPORT, summary.status());
    }

    private static PartnerInterest interest(Project project, String partner, Instrument instrument, String amount) {
        PartnerInterest interest = PartnerInterest.first(project.id, partner, OffsetDateTime.now());
        interest.state(project, instrument, new BigDecimal(amount), null, "someone", OffsetDateTime.now());
        return interest;
    }
}
