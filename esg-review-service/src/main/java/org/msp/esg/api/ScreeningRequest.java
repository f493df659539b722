package org.msp.esg.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.esg.domain.RiskCategory;

/** Body of POST /reviews/{id}/screening: the project's risk category and a plain-language summary for the public. */
public record ScreeningRequest(@NotNull RiskCategory riskCategory, @NotBlank @Size(max = 4000) String summary) {
}
