package dev.imagegen.worker.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.TraceContext;
import dev.imagegen.core.task.Task;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Reference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskStateCodecTest {

    private final TaskStateCodec codec = new TaskStateCodec();
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final ProviderId XENODIA = ProviderId.of("xenodia");

    private static GenerationRequest fullRequest() {
        return GenerationRequest.builder().id("order-42").provider("xenodia").model("nano-banana-pro")
                .prompt("a banana \uD83C\uDF4C").negativePrompt("blurry").aspectRatio("16:9").resolution("2K")
                .outputFormat("png").n(2).seed(7L).referenceUrl("https://example.com/a.png")
                .referenceBytes(new byte[] {1, 2, 3}, "image/png")
                .providerOptions("xenodia", Map.of("quality", "high", "nested", Map.of("a", List.of(1L, true))))
                .deadline(T0.plusSeconds(600)).metadata(Map.of("tenant", "acme")).build();
    }

    @Test
    void a_task_in_flight_round_trips() {
        Task task = Task.accept(fullRequest(), T0).submitting(XENODIA, T0).submitFailed(ErrorCode.RATE_LIMITED, T0)
                .submitting(XENODIA, T0.plusSeconds(1))
                .submitted(new ProviderTaskRef(XENODIA, ModelId.of("nano-banana-pro"), "v-1"), T0.plusSeconds(2))
                .running(T0.plusSeconds(3)).polled(T0.plusSeconds(4));
        StoredTask.InFlight back = assertInstanceOf(StoredTask.InFlight.class, codec.read(codec.write(task)));
        assertEquals(task, back.task());
    }

    @Test
    void the_command_s_trace_context_round_trips_so_a_resumed_task_carries_it() {
        TraceContext full = new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "rojo=1");
        TraceContext bare = new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", null);
        for (TraceContext trace : new TraceContext[] {full, bare}) {
            Task task = Task.accept(fullRequest().withTrace(trace), T0).submitting(XENODIA, T0);
            Task back = ((StoredTask.InFlight) codec.read(codec.write(task))).task();
            assertEquals(trace, back.request().trace());
            assertEquals(task, back);
        }
        Task untraced = Task.accept(fullRequest(), T0);
        String json = new String(codec.write(untraced), StandardCharsets.UTF_8);
        assertFalse(json.contains("traceparent"), json);
        assertEquals(null, ((StoredTask.InFlight) codec.read(codec.write(untraced))).task().request().trace());
    }

    @Test
    void a_task_whose_images_are_being_copied_round_trips_with_the_vendor_s_images() {
        Task task = Task.accept(fullRequest(), T0).submitting(XENODIA, T0)
                .submitted(new ProviderTaskRef(XENODIA, ModelId.of("nano-banana-pro"), "v-1"), T0.plusSeconds(2))
                .vendorSucceeded(List.of(new GeneratedImage(URI.create("https://cdn.example/a.png?sig=1"),
                        T0.plusSeconds(3600)), new GeneratedImage(URI.create("https://cdn.example/b.png"), null)),
                        List.of("one image was filtered"), T0.plusSeconds(5));
        Task back = ((StoredTask.InFlight) codec.read(codec.write(task))).task();
        assertEquals(task, back);
        assertTrue(back.copyingImages());
    }

    @Test
    void a_price_known_at_submit_survives_a_restart_exactly() {
        Cost price = Cost.ofMicros(134_001, "USDC", "vendor price list: 1K / 2K tier × 1 image");
        Task task = Task.accept(fullRequest(), T0).submitting(XENODIA, T0)
                .submitted(new ProviderTaskRef(XENODIA, ModelId.of("nano-banana-pro"), "v-1"), price, T0)
                .running(T0.plusSeconds(3));
        String json = new String(codec.write(task), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"amount\":\"0.134001\""), json);

        Task back = ((StoredTask.InFlight) codec.read(codec.write(task))).task();
        assertEquals(task, back);
        assertEquals(price, back.cost());

        Task unpriced = Task.accept(fullRequest(), T0).submitting(XENODIA, T0)
                .submitted(new ProviderTaskRef(XENODIA, ModelId.of("nano-banana-pro"), "v-2"), T0);
        assertFalse(new String(codec.write(unpriced), StandardCharsets.UTF_8).contains("cost"));
        assertNull(((StoredTask.InFlight) codec.read(codec.write(unpriced))).task().cost());
    }

    @Test
    void a_record_of_a_worker_before_custody_reads_without_vendor_images() {
        Task task = Task.accept(fullRequest(), T0).submitting(XENODIA, T0);
        String json = new String(codec.write(task), StandardCharsets.UTF_8);
        assertFalse(json.contains("vendorImages"), json);
        assertEquals(List.of(), ((StoredTask.InFlight) codec.read(codec.write(task))).task().vendorImages());
    }

    @Test
    void a_submit_intent_round_trips_as_in_doubt() {
        Task task = Task.accept(fullRequest(), T0).submitting(XENODIA, T0);
        Task back = ((StoredTask.InFlight) codec.read(codec.write(task))).task();
        assertTrue(back.submitInDoubt());
        assertEquals(task, back);
    }

    @Test
    void a_finished_task_is_a_small_mark() {
        Task failed = Task.accept(fullRequest(), T0).failed(new ProviderFailure(ErrorCode.TIMEOUT, null, "late"), T0);
        byte[] bytes = codec.write(failed);
        assertEquals(new StoredTask.Finished("order-42", "FAILED", T0), codec.read(bytes));
        assertTrue(bytes.length < 130, new String(bytes, StandardCharsets.UTF_8));
        assertEquals(new StoredTask.Finished("bad id!", "FAILED", T0), codec.read(codec.finished("bad id!", "FAILED",
                T0)));
    }

    @Test
    void a_finished_mark_of_an_older_worker_has_no_finish_time() {
        byte[] v1 = "{\"v\":1,\"commandId\":\"old-1\",\"state\":\"SUCCEEDED\",\"terminal\":true}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(new StoredTask.Finished("old-1", "SUCCEEDED", null), codec.read(v1));
    }

    @Test
    void a_cancel_that_came_first_is_read_back() {
        assertEquals(new StoredTask.CancelRequested("c-9", "no longer needed"),
                codec.read(codec.cancelRequested("c-9", "no longer needed")));
        assertEquals(new StoredTask.CancelRequested("c-9", null), codec.read(codec.cancelRequested("c-9", null)));
    }

    @Test
    void a_record_it_did_not_write_is_refused() {
        for (String bad : List.of("nope", "{}", "{\"v\":2}", "{\"v\":1,\"commandId\":\"c\",\"state\":\"RUNNING\"}")) {
            assertThrows(IllegalArgumentException.class, () -> codec.read(bad.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void inline_references_survive_byte_for_byte() {
        Task task = Task.accept(fullRequest(), T0);
        Task back = ((StoredTask.InFlight) codec.read(codec.write(task))).task();
        assertEquals(Reference.inline(new byte[] {1, 2, 3}, "image/png"), back.request().references().get(1));
    }
}
