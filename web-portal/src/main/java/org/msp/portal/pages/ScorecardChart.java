package org.msp.portal.pages;

import org.msp.portal.services.PartnersApi;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the disclosure scorecard's stacked bar chart (one bar per year, one segment per
 * disclosure level), worked out here so that the template only draws rectangles: an SVG with no script
 * and no inline style, which the page's strict CSP allows. The table beside it carries the same numbers.
 */
public record ScorecardChart(int width, int height, int left, int baseline, List<Tick> ticks, List<Bar> bars,
        List<String> levels) {
    /** Where the tick labels end (right-aligned) and where the year labels sit. */
    public int tickX() {
        return left - 6;
    }

    public int yearY() {
        return baseline + 18;
    }

    static final int LEFT = 36;
    static final int TOP = 16;
    static final int PLOT_HEIGHT = 160;
    static final int BAR_WIDTH = 44;
    static final int GAP = 28;

    public record Tick(int value, int y) {
        public int labelY() {
            return y + 4;
        }
    }

    public record Segment(String level, int count, int y, int height) {
    }

    public record Bar(String year, int x, int centre, int total, int totalY, List<Segment> segments) {
    }

    static ScorecardChart of(PartnersApi.Scorecard scorecard) {
        int max = Math.max(1, scorecard.years().stream().mapToInt(PartnersApi.YearRow::total).max().orElse(1));
        int baseline = TOP + PLOT_HEIGHT;
        int step = Math.max(1, (int) Math.ceil(max / 5.0));
        List<Tick> ticks = new ArrayList<>();
        for (int value = 0; value <= max; value += step) {
            ticks.add(new Tick(value, baseline - value * PLOT_HEIGHT / max));
        }
        List<Bar> bars = new ArrayList<>();
        int x = LEFT + GAP / 2;
        for (PartnersApi.YearRow row : scorecard.years()) {
            List<Segment> segments = new ArrayList<>();
            int top = baseline;
            for (String level : scorecard.levels()) {
                int count = row.counts().getOrDefault(level, 0);
                if (count > 0) {
                    int height = count * PLOT_HEIGHT / max;
                    top -= height;
                    segments.add(new Segment(level, count, top, height));
                }
            }
            bars.add(new Bar(row.year(), x, x + BAR_WIDTH / 2, row.total(), top - 4, segments));
            x += BAR_WIDTH + GAP;
        }
        return new ScorecardChart(Math.max(x + GAP / 2, 240), baseline + 40, LEFT, baseline, ticks, bars,
                scorecard.levels());
    }

    public int barWidth() {
        return BAR_WIDTH;
    }
}
