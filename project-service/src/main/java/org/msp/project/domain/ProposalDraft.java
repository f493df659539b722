package org.msp.project.domain;

import java.math.BigDecimal;
import java.util.List;

/** The editable content of a proposal, already validated at the API boundary. */
public record ProposalDraft(String title, String summary, String hostCountry, List<Mineral> minerals,
        ValueChainStage valueChainStage, String sponsor, BigDecimal requestedFinancingUsd, Disclosure disclosure) {
}
