package org.msp.infra.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** CloudEvents as another service would publish them, for tests that feed a consumer. */
public final class TestEvents {
    private TestEvents() {
    }

    /** A structured-mode CloudEvent 1.0 with a fresh id; {@code dataJson} must be a JSON object. */
    public static String cloudEvent(String source, String type, String subject, String dataJson) {
        return cloudEvent(UUID.randomUUID().toString(), source, type, subject, dataJson);
    }

    public static String cloudEvent(String id, String source, String type, String subject, String dataJson) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","subject":"%s","time":"%s",\
                "datacontenttype":"application/json","data":%s}""".formatted(
                id, source, type, subject, OffsetDateTime.now(ZoneOffset.UTC), dataJson);
    }
}
