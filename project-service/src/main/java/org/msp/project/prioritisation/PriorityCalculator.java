package org.msp.project.prioritisation;

import org.msp.events.project.HostConsent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The transparent priority score of SPEC §5a: a weighted sum of five components in 0-1, scaled to
 * 0-100. The score is the sum of the rounded points shown in the breakdown, so a reader can add it up.
 */
public final class PriorityCalculator {
    private final Map<String, Double> weights;
    private final int quorum;
    private final double objectionFactor;
    private final double silenceFactor;

    public PriorityCalculator(PrioritisationSettings settings, int quorum) {
        this(Map.of("esg", settings.weights().esg(), "support", settings.weights().support(),
                "diversification", settings.weights().diversification(), "valueAddition",
                settings.weights().valueAddition(), "transparency", settings.weights().transparency()), quorum,
                settings.hostConsent().objectionFactor(), settings.hostConsent().silenceFactor());
    }

    public PriorityCalculator(Map<String, Double> rawWeights, int quorum, double objectionFactor, double silenceFactor) {
        if (objectionFactor < 0 || objectionFactor > 1 || silenceFactor < 0 || silenceFactor > 1) {
            throw new IllegalArgumentException("host-consent factors must be within 0-1: objection " + objectionFactor
                    + ", silence " + silenceFactor);
        }
        this.objectionFactor = objectionFactor;
        this.silenceFactor = silenceFactor;
        double total = rawWeights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0 || rawWeights.values().stream().anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("weights must be non-negative and not all zero: " + rawWeights);
        }
        Map<String, Double> normalised = new LinkedHashMap<>();
        for (String name : List.of("esg", "support", "diversification", "valueAddition", "transparency")) {
            normalised.put(name, rawWeights.getOrDefault(name, 0.0) / total);
        }
        this.weights = normalised;
        this.quorum = quorum;
    }

    /** The normalised weights, in display order. */
    public Map<String, Double> weights() {
        return weights;
    }

    public PriorityScore score(PriorityInputs in) {
        List<PriorityScore.Component> parts = new ArrayList<>();
        parts.add(component("esg", esg(in), "ESG review score " + plain(in.esgScore()) + "/100"));
        parts.add(component("support", support(in), supportExplanation(in)));
        parts.add(component("diversification", diversification(in), diversificationExplanation(in)));
        parts.add(component("valueAddition", valueAddition(in), valueAdditionExplanation(in)));
        parts.add(component("transparency", transparency(in), transparencyExplanation(in)));
        BigDecimal score = parts.stream().map(PriorityScore.Component::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PriorityScore(in.projectId(), score, parts);
    }

    /** Highest score first; ties go to the earlier submission, then the project id, so the order is total. */
    public List<PriorityScore> rank(List<PriorityInputs> projects) {
        Map<java.util.UUID, PriorityInputs> byId = projects.stream()
                .collect(Collectors.toMap(PriorityInputs::projectId, p -> p));
        return projects.stream().map(this::score)
                .sorted(Comparator.comparing(PriorityScore::score).reversed()
                        .thenComparing(s -> byId.get(s.projectId()).submittedAt())
                        .thenComparing(PriorityScore::projectId))
                .toList();
    }

    static double esg(PriorityInputs in) {
        return in.esgScore() == null ? 0 : clamp(in.esgScore().doubleValue() / 100.0);
    }

    double support(PriorityInputs in) {
        double endorsements = Math.min(1.0, in.endorsingPartners() / (double) (quorum + 2));
        double financing = in.requestedFinancingUsd().signum() <= 0 ? 0
                : Math.min(1.0, in.indicativeFinancingUsd().doubleValue() / in.requestedFinancingUsd().doubleValue());
        return (0.5 * endorsements + 0.5 * financing) * hostFactor(in.hostConsent());
    }

    /** Partners' support weighs less where the host government objects (SPEC §11); a consent leaves it whole. */
    double hostFactor(HostConsent consent) {
        if (consent == null) {
            return silenceFactor;
        }
        return consent == HostConsent.OBJECTED ? objectionFactor : 1.0;
    }

    static double diversification(PriorityInputs in) {
        return in.minerals().stream().mapToDouble(m -> 1.0 - ProductionShares.share(m, in.hostCountry()))
                .average().orElse(0);
    }

    static double valueAddition(PriorityInputs in) {
        boolean producer = ProductionShares.isProducerCountry(in.hostCountry());
        return switch (in.stage()) {
            case PROCESSING, RECYCLING -> producer ? 1.0 : 0.7;
            case EXTRACTION -> 0.4;
            case EXPLORATION -> 0.2;
        };
    }

    static double transparency(PriorityInputs in) {
        return in.disclosure().backed() / 3.0;
    }

    private PriorityScore.Component component(String name, double value, String explanation) {
        double weight = weights.get(name);
        BigDecimal points = BigDecimal.valueOf(100 * weight * value).setScale(2, RoundingMode.HALF_UP);
        return new PriorityScore.Component(name, BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP),
                BigDecimal.valueOf(weight).setScale(4, RoundingMode.HALF_UP), points, explanation);
    }

    private String supportExplanation(PriorityInputs in) {
        return in.endorsingPartners() + " endorsing partner(s) towards " + (quorum + 2) + "; indicative financing "
                + plain(in.indicativeFinancingUsd()) + " of " + plain(in.requestedFinancingUsd()) + " USD requested; "
                + hostExplanation(in);
    }

    private String hostExplanation(PriorityInputs in) {
        double factor = hostFactor(in.hostConsent());
        String scaled = factor == 1.0 ? "" : " (support × " + plain(BigDecimal.valueOf(factor)) + ")";
        if (in.hostConsent() == null) {
            return "the host government (" + in.hostCountry() + ") has not stated its consent" + scaled;
        }
        return "the host government (" + in.hostCountry() + ") "
                + (in.hostConsent() == HostConsent.CONSENTED ? "consented" : "objected") + scaled;
    }

    private static String diversificationExplanation(PriorityInputs in) {
        return in.minerals().stream().map(m -> {
            Map.Entry<String, Double> top = ProductionShares.dominantProducer(m);
            return in.hostCountry() + " produces " + percent(ProductionShares.share(m, in.hostCountry())) + " of world "
                    + m + " (largest: " + top.getKey() + " " + percent(top.getValue()) + ")";
        }).collect(Collectors.joining("; ")) + " — " + ProductionShares.SOURCE;
    }

    private static String valueAdditionExplanation(PriorityInputs in) {
        String where = ProductionShares.isProducerCountry(in.hostCountry()) ? "a producer country" : "an MSP partner";
        return in.stage() + " in " + in.hostCountry() + " (" + where + ")";
    }

    private static String transparencyExplanation(PriorityInputs in) {
        return in.disclosure().explanation();
    }


    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "none" : value.stripTrailingZeros().toPlainString();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
