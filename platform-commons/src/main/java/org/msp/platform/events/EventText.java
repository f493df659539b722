package org.msp.platform.events;

/**
 * Text taken from another service's event and kept in a column of limited size. The producing service
 * may allow longer text than the consumer's column (a 2000-character withdrawal reason, say); an
 * insert that overflows would fail the event again and again until it is dead-lettered, so the text is
 * shortened instead.
 */
public final class EventText {
    private EventText() {
    }

    /**
     * {@code text} cut to at most {@code max} characters, the last being "…" when it was cut. Counts code
     * points, as PostgreSQL counts VARCHAR characters, and so never splits a surrogate pair.
     */
    public static String shortened(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }
}
