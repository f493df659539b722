package org.msp.platform.tracing;

import io.opentelemetry.exporter.logging.otlp.OtlpJsonLoggingSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Finished spans as OTLP JSON, one line per export, in the service's own log ({@code TRACES_LOG=true}): what a
 * run without a collector reads a trace from (the end-to-end suite does). Quarkus exports to every
 * {@link SpanExporter} bean, so this one goes beside OTLP, not instead of it.
 */
public class SpanLog {
    @Produces
    @Singleton
    @LookupIfProperty(name = "msp.traces.log", stringValue = "true")
    SpanExporter otlpJsonLines() {
        return OtlpJsonLoggingSpanExporter.create();
    }
}
