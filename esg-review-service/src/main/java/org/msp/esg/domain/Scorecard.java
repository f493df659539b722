package org.msp.esg.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The scoring rule of SPEC §5, free of persistence so it can be checked on its own: a weighted
 * 0–100 score over the applicable items (MEETS counts 1, PARTIAL 0.5, DOES_NOT_MEET 0,
 * NOT_APPLICABLE is left out of the denominator) and the outcome, where a failed critical item
 * rejects the project whatever the score.
 */
public final class Scorecard {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private Scorecard() {
    }

    /** One rated checklist line; {@code rating} is null while unrated. */
    public record Line(String code, String title, int weight, boolean critical, ItemRating rating, String comment) {
        public Line {
            Objects.requireNonNull(code, "code");
            if (weight <= 0) {
                throw new IllegalArgumentException("weight of " + code + " must be positive");
            }
        }
    }

    /** An item the project must address: a PARTIAL or DOES_NOT_MEET with the reviewer's comment. */
    public record Condition(String code, String title, ItemRating rating, String comment, boolean critical) {
    }

    /** The score (two decimals), outcome and conditions of a fully rated checklist. */
    public record Result(BigDecimal score, ReviewOutcome outcome, List<Condition> conditions) {
    }

    /** Codes of the lines still unrated, in checklist order. */
    public static List<String> unrated(List<Line> lines) {
        return lines.stream().filter(line -> line.rating() == null).map(Line::code).toList();
    }

    /** Whether at least one line counts towards the score (not everything NOT_APPLICABLE). */
    public static boolean hasApplicableItems(List<Line> lines) {
        return lines.stream().anyMatch(line -> line.rating() != null && line.rating() != ItemRating.NOT_APPLICABLE);
    }

    /**
     * Scores a fully rated checklist.
     *
     * @throws IllegalStateException when a line is unrated or no line is applicable
     */
    public static Result assess(List<Line> lines) {
        List<String> unrated = unrated(lines);
        if (!unrated.isEmpty()) {
            throw new IllegalStateException("unrated items: " + unrated);
        }
        if (!hasApplicableItems(lines)) {
            throw new IllegalStateException("every item is NOT_APPLICABLE: nothing to score");
        }
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal possible = BigDecimal.ZERO;
        boolean criticalFailed = false;
        boolean shortfall = false;
        for (Line line : lines) {
            if (line.rating() == ItemRating.NOT_APPLICABLE) {
                continue;
            }
            BigDecimal weight = BigDecimal.valueOf(line.weight());
            possible = possible.add(weight);
            earned = earned.add(weight.multiply(credit(line.rating())));
            shortfall |= line.rating().isShortfall();
            criticalFailed |= line.critical() && line.rating() == ItemRating.DOES_NOT_MEET;
        }
        BigDecimal score = earned.multiply(HUNDRED).divide(possible, 2, RoundingMode.HALF_UP);
        ReviewOutcome outcome = criticalFailed ? ReviewOutcome.REJECTED
                : shortfall ? ReviewOutcome.CLEARED_WITH_CONDITIONS
                : ReviewOutcome.CLEARED;
        List<Condition> conditions = lines.stream()
                .filter(line -> line.rating().isShortfall())
                .map(line -> new Condition(line.code(), line.title(), line.rating(), line.comment(), line.critical()))
                .toList();
        return new Result(score, outcome, conditions);
    }

    private static BigDecimal credit(ItemRating rating) {
        return switch (rating) {
            case MEETS -> BigDecimal.ONE;
            case PARTIAL -> HALF;
            case DOES_NOT_MEET, NOT_APPLICABLE -> BigDecimal.ZERO;
        };
    }
}
