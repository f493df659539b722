package org.msp.esg.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.esg.domain.RiskCategory;

/**
 * Body of POST /reviews/{id}/complete: the Equator Principles-style risk category the reviewer assigns and,
 * when it differs from the category the project was screened in, the published reason why.
 */
public record CompletionRequest(@NotNull RiskCategory riskCategory, @Size(max = 2000) String categoryChangeReason) {
}
