package org.msp.esg.api;

import jakarta.validation.constraints.NotNull;
import org.msp.esg.domain.RiskCategory;

/** Body of POST /reviews/{id}/complete: the Equator Principles-style risk category the reviewer assigns. */
public record CompletionRequest(@NotNull RiskCategory riskCategory) {
}
