package org.msp.platform.events;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventTextTest {

    @Test
    void shorteningCountsCharactersAndNeverSplitsASurrogatePair() {
        // U+1F48E is one character in two UTF-16 units: a cut by units would leave half of it
        assertEquals("a💎…", EventText.shortened("a💎💎💎", 3));
        assertEquals("💎💎…", EventText.shortened("💎".repeat(5), 3));
        assertEquals("💎💎💎", EventText.shortened("💎💎💎", 3), "three characters fit in three, though six UTF-16 units");
        assertEquals("cut here…", EventText.shortened("cut here and there", 10), "no space before the ellipsis");
    }
}
