package dev.imagegen.otel;

import dev.imagegen.core.TraceContext;
import dev.imagegen.core.Tracing;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's {@link Tracing} port on the OpenTelemetry API. Each span is a child of the request's W3C trace
 * context, extracted with the W3C propagator (whatever propagators the SDK is configured with: the contract names
 * W3C Trace Context); a request without one gives a root span.
 *
 * <p>The API only, no SDK: with none installed every span is the API's no-op; with the OpenTelemetry Java agent, or
 * an SDK registered as the global instance, the spans are recorded. Found through {@link java.util.ServiceLoader} by
 * {@link Tracing#fromClassPath()} (on {@link GlobalOpenTelemetry}, looked up at the first span so that an agent or
 * SDK registered after the engine was built is used); {@link #of(OpenTelemetry)} takes an instance of your own.
 * Thread-safe.
 */
public final class OpenTelemetryTracing implements Tracing {

    /** The instrumentation scope name of the spans. */
    public static final String SCOPE = "dev.imagegen";

    private static final TextMapGetter<TraceContext> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return switch (key) {
                case "traceparent" -> carrier.traceparent();
                case "tracestate" -> carrier.tracestate();
                default -> null;
            };
        }
    };

    private final OpenTelemetry openTelemetry;
    private volatile Tracer tracer;

    /** On {@link GlobalOpenTelemetry}: the constructor {@link java.util.ServiceLoader} calls. */
    public OpenTelemetryTracing() {
        this.openTelemetry = null;
    }

    private OpenTelemetryTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /** Spans through this OpenTelemetry instance. */
    public static OpenTelemetryTracing of(OpenTelemetry openTelemetry) {
        return new OpenTelemetryTracing(openTelemetry);
    }

    @Override
    public Tracing.Span start(String name, TraceContext parent, Map<String, String> attributes) {
        Context context = parent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), parent, HEADERS);
        var builder = tracer().spanBuilder(name).setParent(context)
                .setSpanKind(INTAKE.equals(name) ? SpanKind.CONSUMER : SpanKind.CLIENT);
        attributes.forEach(builder::setAttribute);
        io.opentelemetry.api.trace.Span span = builder.startSpan();
        return span.isRecording() ? new Recording(span) : Tracing.Span.NONE;
    }

    private Tracer tracer() {
        Tracer t = tracer;
        if (t == null) {
            t = (openTelemetry != null ? openTelemetry : GlobalOpenTelemetry.get()).getTracer(SCOPE);
            tracer = t;
        }
        return t;
    }

    /** An OpenTelemetry span behind the port. */
    private static final class Recording implements Tracing.Span {
        private final io.opentelemetry.api.trace.Span span;

        Recording(io.opentelemetry.api.trace.Span span) {
            this.span = span;
        }

        @Override
        public void attribute(String key, String value) {
            span.setAttribute(key, value);
        }

        @Override
        public void failed(String errorCode) {
            span.setAttribute(ERROR_CODE, errorCode);
            span.setStatus(StatusCode.ERROR, errorCode);
        }

        @Override
        public void end() {
            span.end();
        }
    }
}
