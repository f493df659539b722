package org.msp.project.prioritisation;

import org.msp.events.project.HostConsent;
import org.msp.project.domain.Mineral;
import org.msp.project.domain.ValueChainStage;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Everything the priority score depends on, so that the same inputs always give the same ranking. */
public record PriorityInputs(UUID projectId, String title, String hostCountry, List<Mineral> minerals,
        ValueChainStage stage, DisclosureEvidence disclosure, BigDecimal esgScore, long endorsingPartners,
        BigDecimal indicativeFinancingUsd, BigDecimal requestedFinancingUsd, OffsetDateTime submittedAt,
        /* what the host government said, or null while it has said nothing */
        HostConsent hostConsent) {
}
