package org.msp.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * axe-core's violations per view, gathered while a test walks through the views of a page and checked once
 * at the end, so that one failure names every view that has any.
 */
final class AccessibilityFindings {
    private final Map<String, List<String>> byView = new LinkedHashMap<>();

    /** Runs axe-core on what the browser shows now, as the view {@code name}. */
    void check(Browser browser, String name) {
        byView.put(name, new ArrayList<>(browser.accessibilityViolations()));
    }

    void assertNone() {
        assertEquals(Map.of(), byView.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
