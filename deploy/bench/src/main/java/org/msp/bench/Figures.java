package org.msp.bench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How the bench takes latencies (HdrHistogram in microseconds) and rounds the figures it reports. */
final class Figures {
    private Figures() {
    }

    static Histogram histogram() {
        return new org.HdrHistogram.ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    /** Percentiles in milliseconds from a histogram of microseconds. */
    static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", h.getTotalCount());
        if (h.getTotalCount() == 0) {
            return out;
        }
        out.put("p50", round2(h.getValueAtPercentile(50) / 1000.0));
        out.put("p95", round2(h.getValueAtPercentile(95) / 1000.0));
        out.put("p99", round2(h.getValueAtPercentile(99) / 1000.0));
        out.put("max", round2(h.getMaxValue() / 1000.0));
        out.put("mean", round2(h.getMean() / 1000.0));
        return out;
    }

    static double secondsSince(long t0) {
        return round2((System.nanoTime() - t0) / 1e9);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
