package dev.imagegen.worker.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.StoredImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventWriterTest {

    static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    static final ProviderId APIXO = ProviderId.of("apixo");

    static Task accepted() {
        return Task.accept(GenerationRequest.builder().id("order-42-hero").model("nano-banana-pro").prompt("p")
                .metadata(Map.of("tenant", "acme")).build(), T0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(byte[] bytes) throws Exception {
        return (Map<String, Object>) JsonTree.parse(bytes);
    }

    @Test
    void a_stored_copy_is_written_with_its_image_and_an_image_without_one_has_no_stored_field() throws Exception {
        StoredImage copy = new StoredImage(URI.create("file:///var/images/order-42-hero/0.png"), "0f".repeat(32),
                52_311, "image/png");
        GeneratedImage vendor = new GeneratedImage(URI.create("https://r2.apixo.ai/a.png"), null);
        Task done = accepted().submitting(APIXO, T0)
                .succeeded(List.of(vendor.withStored(copy), vendor), List.of(), T0.plusSeconds(41));
        Map<String, Object> e = json(new EventWriter(Redactor.NONE).write(EventMessage.of(TaskEvent.of(done))));

        List<?> images = (List<?>) e.get("images");
        assertEquals(Map.of("uri", "file:///var/images/order-42-hero/0.png", "sha256", "0f".repeat(32),
                "bytes", 52_311L, "contentType", "image/png"), ((Map<?, ?>) images.get(0)).get("stored"));
        assertEquals("https://r2.apixo.ai/a.png", ((Map<?, ?>) images.get(0)).get("url"));
        assertFalse(((Map<?, ?>) images.get(1)).containsKey("stored"));
    }

    @Test
    void a_succeeded_event_has_every_contract_field() throws Exception {
        Task done = accepted().submitting(APIXO, T0)
                .submitted(new ProviderTaskRef(APIXO, ModelId.of("nano-banana-pro"), "task_1"), T0)
                .succeeded(List.of(new GeneratedImage(URI.create("https://r2.apixo.ai/image.png"),
                        Instant.parse("2026-11-23T09:00:00Z"))), List.of(), T0.plusSeconds(41));
        Map<String, Object> e = json(new EventWriter(Redactor.NONE).write(EventMessage.of(TaskEvent.of(done))));

        assertEquals("imagegen.task.v1", e.get("type"));
        assertEquals("order-42-hero", e.get("commandId"));
        assertEquals("SUCCEEDED", e.get("status"));
        assertEquals(true, e.get("terminal"));
        assertEquals("apixo", e.get("provider"));
        assertEquals("nano-banana-pro", e.get("model"));
        assertEquals("task_1", e.get("providerTaskId"));
        assertEquals(List.of(Map.of("url", "https://r2.apixo.ai/image.png", "expiresAt", "2026-11-23T09:00:00Z")),
                e.get("images"));
        assertTrue(e.containsKey("error"));
        assertNull(e.get("error"));
        assertEquals(List.of(), e.get("warnings"));
        assertEquals(List.of(Map.of("provider", "apixo", "outcome", "ACCEPTED")), e.get("attempts"));
        assertEquals("2026-11-22T09:00:41Z", e.get("occurredAt"));
        assertEquals(Map.of("tenant", "acme"), e.get("metadata"));
    }

    @Test
    void a_non_terminal_event_says_so() throws Exception {
        Map<String, Object> e = json(new EventWriter(Redactor.NONE).write(EventMessage.of(TaskEvent.of(accepted()))));
        assertEquals("ACCEPTED", e.get("status"));
        assertEquals(false, e.get("terminal"));
        assertNull(e.get("provider"));
    }

    @Test
    void a_running_event_carries_the_vendors_progress_and_others_do_not() throws Exception {
        Task running = accepted().submitting(APIXO, T0)
                .submitted(new ProviderTaskRef(APIXO, ModelId.of("nano-banana-pro"), "task_1"), T0).running(T0)
                .progressed(40, T0);
        Map<String, Object> e = json(new EventWriter(Redactor.NONE).write(EventMessage.of(TaskEvent.of(running))));
        assertEquals("RUNNING", e.get("status"));
        assertEquals(40L, e.get("progress"));
        assertFalse(e.containsKey("vendorCancellation"));

        Map<String, Object> done = json(new EventWriter(Redactor.NONE).write(EventMessage.of(TaskEvent.of(
                running.cancelled("user closed the page", CancelOutcome.NOT_SUPPORTED, T0)))));
        assertEquals("CANCELLED", done.get("status"));
        assertFalse(done.containsKey("progress"));
        assertEquals("NOT_SUPPORTED", done.get("vendorCancellation"));
        assertEquals(List.of("user closed the page"), done.get("warnings"));
    }

    @Test
    void a_failed_event_carries_the_error_without_secrets() throws Exception {
        Task failed = accepted().failed(new ProviderFailure(ErrorCode.RATE_LIMITED, "429",
                "throttled for key sk-live-123456"), T0);
        byte[] bytes = new EventWriter(new Redactor(List.of("sk-live-123456"))).write(
                EventMessage.of(TaskEvent.of(failed)));
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) json(bytes).get("error");

        assertEquals("RATE_LIMITED", error.get("code"));
        assertEquals(true, error.get("retryable"));
        assertEquals("429", error.get("providerCode"));
        assertEquals("throttled for key [secret]", error.get("message"));
        assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("sk-live"));
    }

    @Test
    void long_messages_are_capped_and_lone_surrogates_replaced() throws Exception {
        EventMessage event = new EventMessage("c\ud800", dev.imagegen.core.task.TaskState.FAILED, null, null, null,
                List.of(), new ProviderFailure(ErrorCode.INVALID_REQUEST, null, "x".repeat(100_000)), List.of(),
                List.of(), T0, Map.of("k", "\udc00"), null, null);
        Map<String, Object> e = json(new EventWriter(Redactor.NONE).write(event));
        @SuppressWarnings("unchecked")
        String message = (String) ((Map<String, Object>) e.get("error")).get("message");
        assertEquals(EventWriter.MAX_MESSAGE_CHARS, message.length());
        assertEquals("c\ufffd", e.get("commandId"));
        assertEquals(Map.of("k", "\ufffd"), e.get("metadata"));
    }

    @Test
    void a_terminal_event_carries_the_cost_as_a_decimal_string_and_others_carry_none() throws Exception {
        Cost price = Cost.ofMicros(240_000, "USDC", "vendor price list: 4K tier × 1 image");
        Task submitted = accepted().submitting(APIXO, T0)
                .submitted(new ProviderTaskRef(APIXO, ModelId.of("nano-banana-pro"), "task_1"), price, T0);
        Task done = submitted.succeeded(List.of(new GeneratedImage(URI.create("https://r2.apixo.ai/image.png"),
                null)), List.of(), T0.plusSeconds(41));
        EventWriter writer = new EventWriter(Redactor.NONE);

        assertEquals(Map.of("amount", "0.24", "currency", "USDC", "basis", "vendor price list: 4K tier × 1 image"),
                json(writer.write(EventMessage.of(TaskEvent.of(done)))).get("cost"));
        assertEquals(Map.of("amount", "0.24", "currency", "USDC", "basis", "vendor price list: 4K tier × 1 image"),
                json(writer.write(EventMessage.of(TaskEvent.of(done)).reduced("too large"))).get("cost"));
        assertFalse(json(writer.write(EventMessage.of(TaskEvent.of(submitted)))).containsKey("cost"));
        assertFalse(json(writer.write(EventMessage.of(TaskEvent.of(accepted().submitting(APIXO, T0)
                .succeeded(done.images(), List.of(), T0))))).containsKey("cost"), "no price, no cost");
    }
}
