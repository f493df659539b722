package org.msp.portal.services;

import jakarta.ws.rs.core.MultivaluedMap;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The draft form as the officer filled it in, kept as typed text so that a refused form comes back
 * exactly as it was sent, and the JSON body project-service takes. Only what a browser form cannot
 * say in JSON is checked here (a number that is no number); every rule is project-service's.
 */
public record ProposalForm(String title, String summary, String hostCountry, List<String> minerals,
        String valueChainStage, String sponsor, String requestedFinancingUsd, boolean feasibilityStudyPublic,
        boolean agreementPublic, boolean communityConsultationHeld, String version) {

    public static final List<String> MINERALS = List.of("LITHIUM", "COBALT", "NICKEL", "COPPER", "GRAPHITE",
            "MANGANESE", "RARE_EARTHS", "PLATINUM_GROUP", "GALLIUM", "GERMANIUM");
    public static final List<String> STAGES = List.of("EXPLORATION", "EXTRACTION", "PROCESSING", "RECYCLING");

    /** The JSON body of POST and PUT /projects. */
    public record Body(String title, String summary, String hostCountry, List<String> minerals, String valueChainStage,
            String sponsor, BigDecimal requestedFinancingUsd, Map<String, Boolean> disclosure) {
    }

    public static ProposalForm empty() {
        return new ProposalForm("", "", "", List.of(), "", "", "", false, false, false, null);
    }

    public static ProposalForm of(ProjectsApi.Project p, String version) {
        return new ProposalForm(p.title(), p.summary(), p.hostCountry(), p.minerals(), p.valueChainStage(), p.sponsor(),
                p.requestedFinancingUsd() == null ? "" : p.requestedFinancingUsd().toPlainString(),
                p.disclosure().feasibilityStudyPublic(), p.disclosure().agreementPublic(),
                p.disclosure().communityConsultationHeld(), version);
    }

    public static ProposalForm read(MultivaluedMap<String, String> form) {
        return new ProposalForm(text(form, "title"), text(form, "summary"), text(form, "hostCountry").toUpperCase(),
                form.getOrDefault("minerals", List.of()), text(form, "valueChainStage"), text(form, "sponsor"),
                text(form, "requestedFinancingUsd"), form.containsKey("feasibilityStudyPublic"),
                form.containsKey("agreementPublic"), form.containsKey("communityConsultationHeld"),
                form.getFirst("version"));
    }

    /** Fields the browser sent that cannot even be put in the JSON body, with why. */
    public Map<String, String> unreadable(String notANumber) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!requestedFinancingUsd.isBlank() && amount() == null) {
            problems.put("requestedFinancingUsd", notANumber);
        }
        return problems;
    }

    public Body body() {
        return new Body(title, summary, blankToNull(hostCountry), minerals, blankToNull(valueChainStage), sponsor,
                amount(), Map.of("feasibilityStudyPublic", feasibilityStudyPublic, "agreementPublic", agreementPublic,
                        "communityConsultationHeld", communityConsultationHeld));
    }

    public boolean hasMineral(String mineral) {
        return minerals.contains(mineral);
    }

    public BigDecimal amount() {
        try {
            return requestedFinancingUsd.isBlank() ? null
                    : new BigDecimal(requestedFinancingUsd.replace(",", "").replace(" ", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
