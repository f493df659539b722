package org.msp.project.prioritisation;

import org.junit.jupiter.api.Test;
import org.msp.events.project.HostConsent;
import org.msp.project.domain.Disclosure;
import org.msp.project.domain.Mineral;
import org.msp.project.domain.ValueChainStage;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriorityCalculatorTest {
    private final PriorityCalculator calculator = new PriorityCalculator(Map.of("esg", 0.30, "support", 0.25,
            "diversification", 0.20, "valueAddition", 0.15, "transparency", 0.10), 2, 0.5, 1.0);
    private final OffsetDateTime t0 = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    private PriorityInputs project(String name, String host, Mineral mineral, ValueChainStage stage, double esg,
            long endorsers, long indicative, boolean disclosed, OffsetDateTime submitted) {
        return new PriorityInputs(UUID.nameUUIDFromBytes(name.getBytes()), name, host, List.of(mineral), stage,
                evidence(disclosed), BigDecimal.valueOf(esg), endorsers,
                BigDecimal.valueOf(indicative), BigDecimal.valueOf(100_000_000), submitted, null);
    }

    /** Disclosed: every declaration backed by a document or a closed consultation. */
    private static DisclosureEvidence evidence(boolean disclosed) {
        return disclosed ? new DisclosureEvidence(new Disclosure(true, true, true), "\u201cFeasibility\u201d (sha256 ab)",
                "\u201cAgreement\u201d (sha256 cd)", true) : new DisclosureEvidence(new Disclosure(false, false, false), null, null, false);
    }

    @Test
    void aDeclarationCountsOnlyWhenADocumentOrAClosedConsultationBacksIt() {
        DisclosureEvidence declaredOnly = new DisclosureEvidence(new Disclosure(true, true, true), null, null, false);
        DisclosureEvidence oneDocument = new DisclosureEvidence(new Disclosure(true, true, false),
                "\u201cBankable feasibility study\u201d (sha256 9c2f61d0a4b7\u2026)", null, false);
        assertEquals(0.0, PriorityCalculator.transparency(withEvidence(declaredOnly)));
        assertEquals(1 / 3.0, PriorityCalculator.transparency(withEvidence(oneDocument)), 1e-9);
        assertEquals("feasibility study: declared, no document; agreement: declared, no document; community "
                + "consultation: declared, no public consultation closed", declaredOnly.explanation());
        assertEquals("feasibility study: document \u201cBankable feasibility study\u201d (sha256 9c2f61d0a4b7\u2026); "
                + "agreement: declared, no document; community consultation: not disclosed", oneDocument.explanation());
        PriorityScore score = calculator.rank(List.of(withEvidence(oneDocument))).get(0);
        assertEquals(oneDocument.explanation(), score.breakdown().stream().filter(c -> c.name().equals("transparency"))
                .findFirst().orElseThrow().explanation());
    }

    private PriorityInputs withEvidence(DisclosureEvidence evidence) {
        return new PriorityInputs(UUID.randomUUID(), "p", "ZM", List.of(Mineral.COPPER), ValueChainStage.RECYCLING,
                evidence, BigDecimal.valueOf(90), 2, BigDecimal.ONE, BigDecimal.TEN, t0, null);
    }

    @Test
    void fixtureRanksAsExpectedAndTheBreakdownAddsUpToTheScore() {
        PriorityInputs zambiaRecycling = project("Zambia copper recycling", "ZM", Mineral.COPPER,
                ValueChainStage.RECYCLING, 90, 4, 100_000_000, true, t0.plusDays(3));
        PriorityInputs congoCobaltMine = project("Congo cobalt mine", "CD", Mineral.COBALT,
                ValueChainStage.EXTRACTION, 80, 2, 20_000_000, false, t0.plusDays(1));
        PriorityInputs australianLithium = project("Australian lithium refinery", "AU", Mineral.LITHIUM,
                ValueChainStage.PROCESSING, 95, 3, 50_000_000, true, t0.plusDays(2));

        List<PriorityScore> ranking = calculator.rank(List.of(congoCobaltMine, australianLithium, zambiaRecycling));

        assertEquals(List.of(zambiaRecycling.projectId(), australianLithium.projectId(), congoCobaltMine.projectId()),
                ranking.stream().map(PriorityScore::projectId).toList());
        // Zambia: esg .9*30=27, support 1*25=25, diversification (1-.03)*20=19.4, value 1*15=15, transparency 10
        assertEquals(new BigDecimal("96.40"), ranking.get(0).score());
        for (PriorityScore score : ranking) {
            BigDecimal sum = score.breakdown().stream().map(PriorityScore.Component::points)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(score.score(), sum, "breakdown of " + score.projectId() + " adds up");
            assertEquals(5, score.breakdown().size());
        }
    }

    @Test
    void tiesGoToTheEarlierSubmissionAndTheOrderIsStable() {
        PriorityInputs later = project("later", "ZM", Mineral.COPPER, ValueChainStage.RECYCLING, 90, 4, 1, true,
                t0.plusDays(5));
        PriorityInputs earlier = project("earlier", "ZM", Mineral.COPPER, ValueChainStage.RECYCLING, 90, 4, 1, true,
                t0.plusDays(1));
        List<UUID> first = calculator.rank(List.of(later, earlier)).stream().map(PriorityScore::projectId).toList();
        List<UUID> second = calculator.rank(List.of(earlier, later)).stream().map(PriorityScore::projectId).toList();
        assertEquals(List.of(earlier.projectId(), later.projectId()), first);
        assertEquals(first, second);
    }

    @Test
    void theDominantProducerGainsLittleDiversification() {
        PriorityInputs congo = project("c", "CD", Mineral.COBALT, ValueChainStage.EXTRACTION, 0, 0, 0, false, t0);
        PriorityInputs zambia = project("z", "ZM", Mineral.COBALT, ValueChainStage.EXTRACTION, 0, 0, 0, false, t0);
        assertEquals(0.26, PriorityCalculator.diversification(congo), 1e-9);
        assertEquals(1.0, PriorityCalculator.diversification(zambia), 1e-9);
    }

    @Test
    void anObjectionOfTheHostGovernmentScalesSupportAndTheExplanationSaysSo() {
        PriorityInputs silent = project("z", "ZM", Mineral.COPPER, ValueChainStage.RECYCLING, 90, 4, 100_000_000, true, t0);
        PriorityInputs consented = withHost(silent, HostConsent.CONSENTED);
        PriorityInputs objected = withHost(silent, HostConsent.OBJECTED);
        assertEquals(new BigDecimal("25.00"), support(calculator.score(consented)).points());
        assertEquals(new BigDecimal("25.00"), support(calculator.score(silent)).points());
        assertEquals(new BigDecimal("12.50"), support(calculator.score(objected)).points());
        assertTrue(support(calculator.score(objected)).explanation()
                .endsWith("the host government (ZM) objected (support \u00d7 0.5)"), support(calculator.score(objected)).explanation());
        assertTrue(support(calculator.score(consented)).explanation().endsWith("the host government (ZM) consented"));
        assertTrue(support(calculator.score(silent)).explanation().endsWith("has not stated its consent"));
        // configured otherwise: silence counts for less, an objection for nothing
        PriorityCalculator strict = new PriorityCalculator(Map.of("esg", 0.30, "support", 0.25, "diversification", 0.20,
                "valueAddition", 0.15, "transparency", 0.10), 2, 0.0, 0.8);
        assertEquals(new BigDecimal("0.00"), support(strict.score(objected)).points());
        assertEquals(new BigDecimal("20.00"), support(strict.score(silent)).points());
    }

    private static PriorityScore.Component support(PriorityScore score) {
        return score.breakdown().stream().filter(c -> c.name().equals("support")).findFirst().orElseThrow();
    }

    private static PriorityInputs withHost(PriorityInputs in, HostConsent consent) {
        return new PriorityInputs(in.projectId(), in.title(), in.hostCountry(), in.minerals(), in.stage(), in.disclosure(),
                in.esgScore(), in.endorsingPartners(), in.indicativeFinancingUsd(), in.requestedFinancingUsd(),
                in.submittedAt(), consent);
    }
}
