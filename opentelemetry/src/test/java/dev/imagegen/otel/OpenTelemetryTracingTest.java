package dev.imagegen.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.TraceContext;
import dev.imagegen.core.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The port on the OpenTelemetry API, recorded by the SDK's in-memory exporter. */
class OpenTelemetryTracingTest {

    static final TraceContext PARENT = new TraceContext("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "congo=t61rcWkgMzE");

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build()).build();
    private final Tracing tracing = OpenTelemetryTracing.of(sdk);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void a_span_is_a_child_of_the_request_s_trace_context_with_its_attributes() {
        Tracing.Span span = tracing.start(Tracing.SUBMIT, PARENT, Map.of(Tracing.PROVIDER, "xenodia",
                Tracing.MODEL, "nano-banana-pro", Tracing.COMMAND_ID, "c-1"));
        span.attribute(Tracing.VENDOR_TASK_ID, "task-9");
        span.end();

        SpanData data = exporter.getFinishedSpanItems().get(0);
        assertEquals("imagegen submit", data.getName());
        assertEquals(PARENT.traceId(), data.getTraceId());
        assertEquals(PARENT.parentSpanId(), data.getParentSpanId());
        assertTrue(data.getParentSpanContext().isRemote());
        assertEquals("t61rcWkgMzE", data.getSpanContext().getTraceState().get("congo"));
        assertEquals(SpanKind.CLIENT, data.getKind());
        assertEquals("xenodia", data.getAttributes().get(AttributeKey.stringKey("imagegen.provider")));
        assertEquals("nano-banana-pro", data.getAttributes().get(AttributeKey.stringKey("imagegen.model")));
        assertEquals("c-1", data.getAttributes().get(AttributeKey.stringKey("imagegen.command_id")));
        assertEquals("task-9", data.getAttributes().get(AttributeKey.stringKey("imagegen.vendor_task_id")));
        assertEquals(StatusCode.UNSET, data.getStatus().getStatusCode());
    }

    @Test
    void a_failed_span_has_the_error_status_and_code_and_intake_is_a_consumer_span() {
        Tracing.Span span = tracing.start(Tracing.STATUS, PARENT, Map.of());
        span.failed("GENERATION_FAILED");
        span.end();
        tracing.start(Tracing.INTAKE, PARENT, Map.of()).end();

        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals(StatusCode.ERROR, spans.get(0).getStatus().getStatusCode());
        assertEquals("GENERATION_FAILED", spans.get(0).getStatus().getDescription());
        assertEquals("GENERATION_FAILED", spans.get(0).getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals(SpanKind.CONSUMER, spans.get(1).getKind());
    }

    @Test
    void without_a_trace_context_the_span_is_a_root() {
        tracing.start(Tracing.DOWNLOAD, null, Map.of()).end();
        SpanData data = exporter.getFinishedSpanItems().get(0);
        assertFalse(data.getParentSpanContext().isValid());
        assertTrue(data.getSpanContext().isValid());
    }

    @Test
    void with_no_sdk_installed_the_api_s_no_op_records_nothing_and_costs_no_span_object() {
        Tracing noop = OpenTelemetryTracing.of(OpenTelemetry.noop());
        assertSame(Tracing.Span.NONE, noop.start(Tracing.SUBMIT, PARENT, Map.of(Tracing.COMMAND_ID, "c")));
        assertTrue(exporter.getFinishedSpanItems().isEmpty());
    }

    @Test
    void the_no_op_cost_per_span_is_printed() {
        Tracing noop = OpenTelemetryTracing.of(OpenTelemetry.noop());
        Map<String, String> attributes = Map.of(Tracing.PROVIDER, "xenodia", Tracing.MODEL, "nano-banana-pro",
                Tracing.COMMAND_ID, "c-1");
        int n = 1_000_000;
        int recorded = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Tracing.Span span = noop.start(Tracing.STATUS, PARENT, attributes);
            recorded += span == Tracing.Span.NONE ? 0 : 1;
            span.end();
        }
        long nanos = System.nanoTime() - start;
        assertEquals(0, recorded);
        System.out.printf("no-op OpenTelemetry: %d spans in %d ms, %.0f ns per span (W3C extraction included)%n", n,
                nanos / 1_000_000, (double) nanos / n);
    }

    @Test
    void the_engine_finds_it_on_the_class_path() {
        assertInstanceOf(OpenTelemetryTracing.class, Tracing.fromClassPath());
    }
}
