package dev.imagegen.core;

import static dev.imagegen.core.fake.FakeProvider.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.fake.FakeImageStore;
import dev.imagegen.core.fake.FakeProvider;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's spans through its {@link Tracing} port: one per vendor call and download, parented, with attributes. */
class EngineTracingTest {

    static final TraceContext PARENT = new TraceContext("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "vendor=abc");

    /** What a span recorded. */
    static final class Recorded implements Tracing.Span {
        final String name;
        final TraceContext parent;
        final Map<String, String> attributes;
        String failure;
        boolean ended;

        Recorded(String name, TraceContext parent, Map<String, String> attributes) {
            this.name = name;
            this.parent = parent;
            this.attributes = new LinkedHashMap<>(attributes);
        }

        @Override
        public void attribute(String key, String value) {
            attributes.put(key, value);
        }

        @Override
        public void failed(String errorCode) {
            failure = errorCode;
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    private final ManualScheduler time = new ManualScheduler();
    private final List<Recorded> spans = new CopyOnWriteArrayList<>();
    private final Tracing recording = (name, parent, attributes) -> {
        Recorded span = new Recorded(name, parent, attributes);
        spans.add(span);
        return span;
    };
    private ImageGeneration engine;

    @AfterEach
    void close() {
        if (engine != null) {
            Engines.closeInVirtualTime(engine, time);
        }
    }

    private GenerationResult run(ImageGeneration.Builder builder, GenerationRequest request) {
        engine = builder.build();
        CompletableFuture<GenerationResult> result = engine.submit(request).result().toCompletableFuture();
        time.advanceUntil(result::isDone, Duration.ofHours(1));
        return result.join();
    }

    private static GenerationRequest.Builder request(String id) {
        return GenerationRequest.builder().id(id).model("nano-banana-pro").prompt("a banana pilot");
    }

    @Test
    void each_vendor_call_and_download_is_a_span_under_the_request_s_trace_with_its_attributes() {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").thenTask(running(),
                FakeProvider.succeeded());
        GenerationResult result = run(Engines.virtual(time).provider(vendor).imageStore(new FakeImageStore())
                .tracing(recording), request("t1").trace(PARENT).build());

        assertTrue(result.succeeded());
        assertEquals(List.of(Tracing.SUBMIT, Tracing.STATUS, Tracing.STATUS, Tracing.DOWNLOAD),
                spans.stream().map(s -> s.name).toList());
        for (Recorded span : spans) {
            assertSame(PARENT, span.parent, span.name);
            assertTrue(span.ended, span.name);
            assertNull(span.failure, span.name);
            assertEquals("xenodia", span.attributes.get(Tracing.PROVIDER), span.name);
            assertEquals("nano-banana-pro", span.attributes.get(Tracing.MODEL), span.name);
            assertEquals("t1", span.attributes.get(Tracing.COMMAND_ID), span.name);
        }
        String vendorTask = spans.get(0).attributes.get(Tracing.VENDOR_TASK_ID);
        assertTrue(vendorTask != null && !vendorTask.isEmpty(), "the submit span learns the vendor task id");
        spans.subList(1, spans.size()).forEach(s -> assertEquals(vendorTask, s.attributes.get(Tracing.VENDOR_TASK_ID),
                s.name));
    }

    @Test
    void a_failed_call_is_a_failed_span_with_the_error_code() {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").thenFail(ErrorCode.CONTENT_VIOLATION);
        GenerationResult result = run(Engines.virtual(time).provider(vendor).tracing(recording),
                request("t2").trace(PARENT).build());

        assertFalse(result.succeeded());
        assertEquals(1, spans.size());
        assertEquals(Tracing.SUBMIT, spans.get(0).name);
        assertEquals("CONTENT_VIOLATION", spans.get(0).failure);
        assertTrue(spans.get(0).ended);
    }

    @Test
    void a_vendor_reported_failure_fails_the_status_span() {
        FakeProvider failing = new FakeProvider("xenodia", "nano-banana-pro")
                .thenTask(FakeProvider.failed(ErrorCode.GENERATION_FAILED, "boom"));
        run(Engines.virtual(time).provider(failing).tracing(recording), request("t3").build());
        Recorded status = spans.get(spans.size() - 1);
        assertEquals(Tracing.STATUS, status.name);
        assertEquals("GENERATION_FAILED", status.failure);
        assertNull(status.parent, "a request without a trace context: root spans");
    }

    @Test
    void a_cancel_at_the_vendor_is_a_span_too() {
        FakeProvider slow = new FakeProvider("xenodia", "nano-banana-pro").thenTask(running(), running(), running())
                .cancelsWith(CancelOutcome.CANCELLED);
        engine = Engines.virtual(time).provider(slow).tracing(recording).build();
        CompletableFuture<GenerationResult> result = engine.submit(request("t4").trace(PARENT).build()).result()
                .toCompletableFuture();
        time.advanceUntil(() -> spans.stream().anyMatch(s -> s.name.equals(Tracing.STATUS)), Duration.ofMinutes(5));
        engine.cancel(TaskId.of("t4"));
        time.advanceUntil(result::isDone, Duration.ofHours(1));
        Recorded cancel = spans.stream().filter(s -> s.name.equals(Tracing.CANCEL)).findFirst().orElseThrow();
        assertSame(PARENT, cancel.parent);
        assertNull(cancel.failure);
        assertTrue(cancel.ended);
    }

    @Test
    void without_a_tracing_module_the_default_is_none_and_the_task_runs_the_same() {
        assertSame(Tracing.NONE, Tracing.fromClassPath(), "core's tests have no Tracing on the class path");
        List<String> withNone = new ArrayList<>();
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro");
        GenerationResult result = run(Engines.virtual(time).provider(vendor)
                .listener(event -> withNone.add(event.status().name())), request("t5").trace(PARENT).build());
        assertTrue(result.succeeded());
        assertEquals(List.of("ACCEPTED", "SUBMITTED", "RUNNING", "SUCCEEDED"), withNone);
        assertTrue(spans.isEmpty());
    }
}
