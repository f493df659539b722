package org.msp.project.prioritisation;

import org.msp.project.domain.Mineral;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Reference table for the diversification component: each country's approximate share of 2023 world
 * production of each mineral.
 *
 * Source: U.S. Geological Survey, Mineral Commodity Summaries 2024 (January 2024), world mine
 * production tables for 2023 (lithium, cobalt, nickel, copper, natural graphite, manganese, rare
 * earths, platinum); gallium is primary low-purity production and germanium refinery production,
 * where the USGS text gives China's dominant share. Shares are rounded to whole per cent; countries
 * not listed count as 0 %. Updating the table is a code change reviewed in public, like any rule.
 */
public final class ProductionShares {
    public static final String SOURCE = "USGS Mineral Commodity Summaries 2024 (2023 production)";

    private static final Map<Mineral, Map<String, Double>> SHARES = new EnumMap<>(Mineral.class);

    static {
        SHARES.put(Mineral.LITHIUM, Map.of("AU", 0.48, "CL", 0.24, "CN", 0.18, "AR", 0.05, "BR", 0.03, "ZW", 0.02,
                "CA", 0.02, "PT", 0.003));
        SHARES.put(Mineral.COBALT, Map.of("CD", 0.74, "ID", 0.07, "RU", 0.04, "AU", 0.02, "PH", 0.02, "CU", 0.02,
                "CA", 0.02, "PG", 0.01, "MG", 0.01, "CN", 0.01));
        SHARES.put(Mineral.NICKEL, Map.of("ID", 0.50, "PH", 0.11, "NC", 0.06, "RU", 0.06, "CA", 0.05, "AU", 0.04,
                "CN", 0.03, "BR", 0.02, "US", 0.01));
        SHARES.put(Mineral.COPPER, Map.ofEntries(Map.entry("CL", 0.23), Map.entry("PE", 0.12), Map.entry("CD", 0.11),
                Map.entry("CN", 0.08), Map.entry("US", 0.05), Map.entry("RU", 0.04), Map.entry("ID", 0.04),
                Map.entry("AU", 0.04), Map.entry("ZM", 0.03), Map.entry("MX", 0.03), Map.entry("KZ", 0.03),
                Map.entry("MN", 0.01)));
        SHARES.put(Mineral.GRAPHITE, Map.of("CN", 0.77, "MG", 0.06, "MZ", 0.06, "BR", 0.05, "KR", 0.02, "IN", 0.01,
                "TZ", 0.005, "NO", 0.004, "CA", 0.002));
        SHARES.put(Mineral.MANGANESE, Map.of("ZA", 0.36, "GA", 0.23, "AU", 0.14, "CN", 0.05, "GH", 0.04, "IN", 0.03,
                "BR", 0.03, "UA", 0.01));
        SHARES.put(Mineral.RARE_EARTHS, Map.of("CN", 0.69, "US", 0.12, "MM", 0.11, "AU", 0.05, "TH", 0.02,
                "IN", 0.01));
        SHARES.put(Mineral.PLATINUM_GROUP, Map.of("ZA", 0.67, "RU", 0.11, "ZW", 0.11, "CA", 0.03, "US", 0.02));
        SHARES.put(Mineral.GALLIUM, Map.of("CN", 0.98, "RU", 0.007, "JP", 0.004, "KR", 0.003));
        SHARES.put(Mineral.GERMANIUM, Map.of("CN", 0.68, "RU", 0.05, "US", 0.02, "CA", 0.02));
    }

    /** MSP partners and EU member states: the financing side, as opposed to producer countries. */
    public static final Set<String> MSP_PARTNERS = Set.of("AU", "CA", "FI", "FR", "JP", "KR", "NO", "SE", "GB", "US",
            "EU", "DE", "IT", "ES", "NL", "BE", "AT", "PL", "PT", "IE", "DK", "CZ", "SK", "SI", "HR", "HU", "RO", "BG",
            "GR", "CY", "MT", "LU", "EE", "LV", "LT");

    private ProductionShares() {
    }

    public static double share(Mineral mineral, String country) {
        return SHARES.getOrDefault(mineral, Map.of()).getOrDefault(country, 0.0);
    }

    /** The largest producer of {@code mineral} and its share. */
    public static Map.Entry<String, Double> dominantProducer(Mineral mineral) {
        return SHARES.get(mineral).entrySet().stream().max(Comparator.comparingDouble(Map.Entry::getValue)).orElseThrow();
    }

    public static boolean isProducerCountry(String country) {
        return !MSP_PARTNERS.contains(country);
    }
}
