package org.msp.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Supplier;

/**
 * One trace from an HTTP request to every effect it has in every service, across the two hops no
 * instrumentation sees through: the outbox (the event is published later, by the relay, maybe by another
 * instance) and the delivery log (the webhook is posted later, by a dispatcher). The trace context crosses
 * both as a W3C {@code traceparent} stored with the row, and Kafka as a record header of the same name.
 * Quarkus traces the HTTP requests; the relay, the consumers and the dispatcher start their spans here,
 * as children of what was stored. With tracing off (the default, {@code OTEL_SDK_DISABLED}) nothing is
 * stored and every span is a no-op.
 */
@ApplicationScoped
public class Traces {
    /** The W3C Trace Context header, on Kafka records and webhook requests alike. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> TRACEPARENT_ONLY = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    public Traces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current span as a {@code traceparent}, to store with a row; null outside any trace. */
    public static String currentParent() {
        return parentOf(Span.current());
    }

    /** {@code span} as a {@code traceparent} header; null for a no-op span. */
    public static String parentOf(Span span) {
        SpanContext context = span.getSpanContext();
        return context.isValid()
                ? "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex()
                : null;
    }

    /** A span for {@code topic}'s record as the child of {@code traceParent} (a trace of its own without one). */
    public Span messaging(String name, SpanKind kind, String topic, String eventId, String traceParent) {
        return child(name, kind, traceParent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .startSpan();
    }

    /** A span that is the child of {@code traceParent}, to be started by the caller. */
    public SpanBuilder child(String name, SpanKind kind, String traceParent) {
        Context parent = traceParent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, TRACEPARENT_ONLY);
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent);
    }

    /** Runs {@code work} with {@code span} current, records a failure on it, and ends it. */
    public static <T> T within(Span span, Supplier<T> work) {
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Marks {@code span} as failed by {@code failure} (the caller ends it). */
    public static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
    }
}
