package org.msp.infra.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A W3C {@code traceparent} a traced caller would send: a fresh trace id and the caller's span id, sampled. */
public record TraceParent(String traceId, String spanId) {
    public static TraceParent random() {
        return new TraceParent(hex(16), hex(8));
    }

    /** The header value, {@code 00-<trace>-<span>-01}. */
    public String header() {
        return of(traceId, spanId);
    }

    /** The header value naming {@code spanId} of {@code traceId}. */
    public static String of(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
