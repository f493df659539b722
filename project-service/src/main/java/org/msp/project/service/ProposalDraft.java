package org.msp.project.service;

import org.msp.project.domain.Disclosure;
import org.msp.project.domain.Mineral;
import org.msp.project.domain.Proposal;
import org.msp.project.domain.ValueChainStage;

import java.math.BigDecimal;
import java.util.List;

/** The editable content of a proposal, already validated at the API boundary. */
public record ProposalDraft(String title, String summary, String hostCountry, List<Mineral> minerals,
        ValueChainStage valueChainStage, String sponsor, BigDecimal requestedFinancingUsd, Disclosure disclosure) {

    void applyTo(Proposal proposal) {
        proposal.title = title;
        proposal.summary = summary;
        proposal.hostCountry = hostCountry;
        proposal.setMinerals(minerals);
        proposal.valueChainStage = valueChainStage;
        proposal.sponsor = sponsor;
        proposal.requestedFinancingUsd = requestedFinancingUsd;
        proposal.disclosure = disclosure;
    }
}
