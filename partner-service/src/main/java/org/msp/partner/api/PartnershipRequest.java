package org.msp.partner.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.msp.events.CountryCode;
import org.msp.events.partner.DisclosureLevel;
import org.msp.events.partner.PartnershipKind;
import org.msp.events.partner.PartnershipNamed;
import org.msp.partner.domain.Partnership;
import org.msp.platform.api.ProblemException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;

/**
 * The body of POST /partnerships and PUT /partnerships/{id}: everything a partnership says about itself.
 * Parties are ISO 3166-1 alpha-2 codes or EU, in or outside the partner registry. A field its source
 * does not state is left out (null), never guessed.
 */
public record PartnershipRequest(
        @NotBlank @Size(max = PartnershipNamed.NAME) String name,
        @NotNull PartnershipKind kind,
        @NotNull @Size(min = 1, max = 60) List<@NotNull @CountryCode String> parties,
        @PastOrPresent LocalDate signedOn,
        @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "must be a year, year-month or date: 2022, 2022-06 or 2022-06-14")
        String announced,
        @Size(max = 200) String signingPlace,
        @NotNull @Valid Source source,
        @Size(max = 4000) String objectives,
        DisclosureLevel disclosureLevel,
        @Size(max = 2000) String disclosureBasis) {

    /** Where the facts come from: a citation, and a link when there is one. */
    public record Source(
            @NotBlank @Size(max = 300) String reference,
            @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL") String url,
            @PastOrPresent LocalDate publishedOn) {
    }

    Partnership.Terms terms() {
        if (new HashSet<>(parties).size() != parties.size()) {
            throw ProblemException.badRequest("parties", "names a party twice");
        }
        if (announced != null) {
            checkAnnounced(announced);
        }
        plausible("signedOn", signedOn);
        plausible("source.publishedOn", source.publishedOn());
        return new Partnership.Terms(name.strip(), kind, List.copyOf(parties), signedOn, announced,
                stripped(signingPlace), source.reference().strip(), stripped(source.url()), source.publishedOn(),
                stripped(objectives), disclosureLevel, stripped(disclosureBasis));
    }

    /** The pattern let 2022-13 or 2022-02-30 through: a real month or day, not in the future. */
    private static void checkAnnounced(String announced) {
        try {
            LocalDate first = switch (announced.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(announced), 1, 1);
                case 7 -> YearMonth.parse(announced).atDay(1);
                default -> LocalDate.parse(announced);
            };
            plausible("announced", first);
            if (first.isAfter(LocalDate.now(java.time.ZoneOffset.UTC))) {
                throw ProblemException.badRequest("announced", "must not be in the future");
            }
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("announced", "not a real date: " + announced);
        }
    }

    /** A date PostgreSQL can hold and a partnership can mean: years 1900-2999 (else 400 naming the field, not a 500). */
    static void plausible(String field, LocalDate date) {
        if (date != null && (date.getYear() < 1900 || date.getYear() > 2999)) {
            throw ProblemException.badRequest(field, "must be a date between the years 1900 and 2999");
        }
    }

    static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
