package org.msp.partner.domain;

import org.msp.events.partner.DisclosureLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The public disclosure scorecard (SPEC §11), after the IEA/NRGI chart "strategic partnerships by year
 * and level of detail publicly available": partnerships counted by year and disclosure level, and per
 * partnership the share of its counted milestones met on time. Plain arithmetic over what it is given.
 */
public final class DisclosureScorecard {
    /** The year column of partnerships whose source states neither a signing nor an announcement date. */
    public static final String NOT_STATED = "not stated";
    /** The level column of partnerships no source supports a level for. */
    public static final String NOT_ASSESSED = "NOT_ASSESSED";
    /** Every level column, least disclosed first, then the unassessed. */
    public static final List<String> LEVELS;

    static {
        List<String> levels = new ArrayList<>(Arrays.stream(DisclosureLevel.values()).map(Enum::name).toList());
        levels.add(NOT_ASSESSED);
        LEVELS = List.copyOf(levels);
    }

    private DisclosureScorecard() {
    }

    /** One year's row: how many partnerships at each level (every level present, zeros included). */
    public record YearRow(String year, Map<String, Integer> counts, int total) {
    }

    /** One partnership's line: its year and level, and how its milestones went. */
    public record PartnershipLine(UUID id, String name, String year, String disclosureLevel, int milestones,
            int counted, int metOnTime, int overdue, Double shareMetOnTime) {
    }

    public record Result(List<String> levels, List<YearRow> years, List<PartnershipLine> partnerships) {
    }

    public static Result of(List<Partnership> partnerships, Map<UUID, List<Milestone>> milestones, LocalDate today) {
        Map<String, Map<String, Integer>> byYear = new TreeMap<>(Comparator
                .comparing((String year) -> year.equals(NOT_STATED)).thenComparing(Comparator.naturalOrder()));
        List<PartnershipLine> lines = new ArrayList<>();
        for (Partnership p : partnerships) {
            String year = p.year() == null ? NOT_STATED : String.valueOf(p.year());
            String level = p.disclosureLevel == null ? NOT_ASSESSED : p.disclosureLevel.name();
            byYear.computeIfAbsent(year, y -> zeros()).merge(level, 1, Integer::sum);
            List<Milestone> own = milestones.getOrDefault(p.id, List.of());
            int counted = (int) own.stream().filter(m -> m.counts(today)).count();
            int onTime = (int) own.stream().filter(m -> m.counts(today) && m.metOnTime()).count();
            int overdue = (int) own.stream().filter(m -> m.overdue(today)).count();
            lines.add(new PartnershipLine(p.id, p.name, year, level, own.size(), counted, onTime, overdue,
                    counted == 0 ? null : Math.round(1000.0 * onTime / counted) / 1000.0));
        }
        List<YearRow> years = byYear.entrySet().stream()
                .map(e -> new YearRow(e.getKey(), e.getValue(), e.getValue().values().stream().mapToInt(i -> i).sum()))
                .toList();
        return new Result(LEVELS, years, lines);
    }

    private static Map<String, Integer> zeros() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        LEVELS.forEach(level -> counts.put(level, 0));
        return counts;
    }
}
