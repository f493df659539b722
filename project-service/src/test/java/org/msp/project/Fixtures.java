package org.msp.project;

import org.msp.project.domain.Disclosure;
import org.msp.project.domain.Mineral;
import org.msp.project.domain.ValueChainStage;
import org.msp.project.domain.ProposalDraft;

import java.math.BigDecimal;
import java.util.List;

/** Proposal content for tests that set up data through the service layer. */
final class Fixtures {
    private Fixtures() {
    }

    static ProposalDraft draft(String title) {
        return new ProposalDraft(title, "A test proposal", "ZM", List.of(Mineral.COPPER, Mineral.COBALT),
                ValueChainStage.RECYCLING, "Test Sponsor", new BigDecimal("45000000"), new Disclosure(true, false, true));
    }
}
