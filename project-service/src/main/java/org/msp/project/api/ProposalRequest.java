package org.msp.project.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.project.domain.Disclosure;
import org.msp.project.domain.Mineral;
import org.msp.project.domain.ValueChainStage;
import org.msp.project.domain.ProposalDraft;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of POST and PUT /projects. The submitting partner always comes from the caller's token;
 * a body may name it only to say the same thing (naming another country is acting for it: 403,
 * {@code Caller.actingPartner}).
 */
public record ProposalRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 5000) String summary,
        @NotNull @CountryCode String hostCountry,
        @NotEmpty @Size(max = 10) List<@NotNull Mineral> minerals,
        @NotNull ValueChainStage valueChainStage,
        @NotBlank @Size(max = 200) String sponsor,
        @NotNull @DecimalMin(value = "1") @DecimalMax(value = "100000000000") @Digits(integer = 12, fraction = 2)
        BigDecimal requestedFinancingUsd,
        @NotNull @Valid DisclosureRequest disclosure,
        String submittingPartner) {

    public record DisclosureRequest(@NotNull Boolean feasibilityStudyPublic, @NotNull Boolean agreementPublic,
            @NotNull Boolean communityConsultationHeld) {
    }

    ProposalDraft toDraft() {
        return new ProposalDraft(title.strip(), summary.strip(), hostCountry, minerals, valueChainStage, sponsor.strip(),
                requestedFinancingUsd, new Disclosure(disclosure.feasibilityStudyPublic(), disclosure.agreementPublic(),
                        disclosure.communityConsultationHeld()));
    }
}
