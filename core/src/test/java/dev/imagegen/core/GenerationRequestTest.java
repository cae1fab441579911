package dev.imagegen.core;

import static dev.imagegen.core.Requests.aRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.AspectRatio;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Resolution;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenerationRequestTest {

    private static Map<String, String> entries(int count) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < count; i++) {
            map.put("k" + i, "v");
        }
        return map;
    }

    private static List<Violation> violations(GenerationRequest.Builder builder) {
        return assertThrows(InvalidRequestException.class, builder::build).violations();
    }

    private static List<String> fields(GenerationRequest.Builder builder) {
        return violations(builder).stream().map(Violation::field).toList();
    }

    @Test
    void builds_a_request_from_text_as_the_contract_writes_it() {
        GenerationRequest request = GenerationRequest.builder()
                .id("order-42-hero").provider("apixo").model("nano-banana-pro").prompt("A banana pilot")
                .negativePrompt("blurry").aspectRatio("16:9").resolution("2K").outputFormat("png").n(1).seed(42L)
                .referenceUrl("https://example.com/ref-1.png").referenceBytes(new byte[] {1, 2}, "image/png")
                .providerOptions("apixo", Map.of("provider", "value"))
                .deadline(Instant.parse("2026-11-22T10:15:00Z")).metadata(Map.of("tenant", "acme"))
                .build();

        assertEquals(TaskId.of("order-42-hero"), request.id());
        assertEquals(Optional.of(ProviderId.of("apixo")), request.providerIfNamed());
        assertEquals(ModelId.of("nano-banana-pro"), request.model());
        assertEquals("A banana pilot", request.prompt());
        assertEquals("blurry", request.negativePrompt());
        assertEquals(AspectRatio.of(16, 9), request.aspectRatio());
        assertEquals(Resolution.TWO_K, request.resolution());
        assertEquals(OutputFormat.PNG, request.outputFormat());
        assertEquals(42L, request.seed());
        assertEquals(List.of(Reference.url("https://example.com/ref-1.png"),
                Reference.inline(new byte[] {1, 2}, "image/png")), request.references());
        assertEquals(Map.of("provider", "value"), request.optionsFor(ProviderId.of("apixo")));
        assertEquals(Map.of(), request.optionsFor(ProviderId.of("xenodia")));
        assertEquals(Optional.of(Instant.parse("2026-11-22T10:15:00Z")), request.deadlineIfAny());
        assertEquals(Map.of("tenant", "acme"), request.metadata());
    }

    @Test
    void leaves_open_what_the_caller_left_open() {
        GenerationRequest request = aRequest("gpt-image-2").build();

        assertEquals(Optional.empty(), request.providerIfNamed());
        assertNull(request.aspectRatio());
        assertNull(request.resolution());
        assertNull(request.outputFormat());
        assertNull(request.negativePrompt());
        assertNull(request.seed());
        assertEquals(1, request.n());
        assertEquals(List.of(), request.references());
        assertEquals(Optional.empty(), request.deadlineIfAny());
    }

    @Test
    void reports_every_broken_rule_at_once() {
        GenerationRequest.Builder builder = GenerationRequest.builder()
                .provider("Xenodia").aspectRatio("16x9").resolution("8K").outputFormat("gif").n(0)
                .referenceUrl("ftp://example.com/ref.png").referenceBytes(new byte[] {1}, "png")
                .providerOptions("Not An Id", Map.of()).metadata(entries(33));

        assertEquals(List.of("provider", "aspectRatio", "resolution", "outputFormat", "references[0].url",
                "references[1].mimeType", "providerOptions", "model", "prompt", "n", "metadata"),
                fields(builder));
    }

    @Test
    void every_violation_is_an_invalid_request_naming_value_and_allowed() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, GenerationRequest.builder()
                .aspectRatio("16x9").resolution("8K")::build);

        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.violations().contains(Violation.invalid("aspectRatio", "16x9", "'auto' or W:H such as 16:9")));
        assertTrue(e.violations().contains(Violation.invalid("resolution", "8K", "1K, 2K or 4K")));
        e.violations().forEach(v -> assertEquals(ErrorCode.INVALID_REQUEST, v.code()));
        assertTrue(e.getMessage().contains("aspectRatio '16x9' is not allowed"), e.getMessage());
        assertTrue(e.getMessage().contains("resolution '8K' is not allowed"), e.getMessage());
    }

    @Test
    void missing_model_and_prompt_are_named_as_absent() {
        List<Violation> violations = violations(GenerationRequest.builder());

        assertEquals(List.of("model", "prompt"), violations.stream().map(Violation::field).toList());
        violations.forEach(v -> assertEquals("(absent)", v.value()));
    }

    @Test
    void a_request_without_an_id_gets_a_new_random_one() {
        GenerationRequest first = GenerationRequest.of("nano-banana-pro", "a banana pilot");
        GenerationRequest second = GenerationRequest.of("nano-banana-pro", "a banana pilot");

        assertTrue(TaskId.isValid(first.id().value()));
        assertNotEquals(first.id(), second.id());
    }

    @Test
    void inline_references_can_be_let_go_and_url_references_stay() {
        GenerationRequest request = aRequest("nano-banana-pro").referenceUrl("https://example.com/a.png")
                .referenceBytes(new byte[] {1, 2, 3}, "image/png").build();

        GenerationRequest light = request.withoutInlineReferences();

        assertEquals(List.of(Reference.url("https://example.com/a.png")), light.references());
        assertEquals(request.id(), light.id());
        assertSame(light, light.withoutInlineReferences());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/not/allowed", "ünïcode"})
    void a_malformed_id_is_named_once(String id) {
        assertEquals(List.of("id"), fields(aRequest("m").id(id)));
    }

    @Test
    void an_id_of_129_characters_is_too_long() {
        assertEquals(List.of("id"), fields(aRequest("m").id("a".repeat(129))));
        aRequest("m").id("a".repeat(128)).build();
    }

    @Test
    void a_malformed_model_is_named_once() {
        assertEquals(List.of("model"), fields(aRequest("m").model("no spaces please")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void a_blank_prompt_is_refused(String prompt) {
        assertEquals(List.of("prompt"), fields(aRequest("m").prompt(prompt)));
    }

    @Test
    void a_bad_reference_url_is_named_by_its_index() {
        GenerationRequest.Builder builder = aRequest("m")
                .referenceUrl("https://example.com/ok.png")
                .referenceUrl("not a url")
                .referenceUrl(null);

        assertEquals(List.of("references[1].url", "references[2].url"), fields(builder));
    }

    @Test
    void empty_reference_bytes_are_named_as_bytes() {
        List<Violation> violations = violations(aRequest("m").referenceBytes(new byte[0], "image/png"));

        assertEquals(List.of("references[0].bytes"), violations.stream().map(Violation::field).toList());
    }

    @Test
    void empty_bytes_and_a_bad_mime_type_are_both_named() {
        assertEquals(List.of("references[0].bytes", "references[0].mimeType"),
                fields(aRequest("m").referenceBytes(null, "png")));
    }

    @Test
    void an_unreadable_reference_keeps_the_index_of_the_next_one() {
        GenerationRequest.Builder builder = aRequest("m")
                .invalidReference("not base64", "base64 image bytes")
                .referenceUrl("ftp://x.example/r.png");

        assertEquals(List.of("references[0]", "references[1].url"), fields(builder));
    }

    @Test
    void accepts_32_metadata_entries_and_refuses_33() {
        assertEquals(32, aRequest("m").metadata(entries(32)).build().metadata().size());

        List<Violation> violations = violations(aRequest("m").metadata(entries(33)));
        assertEquals(List.of(Violation.invalid("metadata", "33 entries", "at most 32 entries")), violations);
    }

    @Test
    void n_below_one_is_refused() {
        assertEquals(List.of(Violation.invalid("n", 0, "1 or more")), violations(aRequest("m").n(0)));
    }

    @Test
    void a_long_bad_value_is_shortened_in_the_report() {
        Violation v = violations(aRequest("m").aspectRatio("x".repeat(200))).get(0);

        assertEquals(80, v.value().length());
        assertTrue(v.value().endsWith("..."));
    }

    @Test
    void the_record_validates_itself_when_built_directly() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> new GenerationRequest(
                TaskId.of("t"), null, ModelId.of("m"), " ", null, null, null, null, 0, null, List.of(), Map.of(), null,
                entries(33), null));

        assertEquals(List.of("prompt", "n", "metadata"), e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void is_immutable() {
        GenerationRequest request = aRequest("m").referenceUrl("https://example.com/a.png")
                .metadata(Map.of("a", "b")).build();

        assertThrows(UnsupportedOperationException.class, () -> request.references().clear());
        assertThrows(UnsupportedOperationException.class, () -> request.metadata().clear());
    }

    @Test
    void maps_onto_the_provider_request_with_only_that_providers_options() {
        GenerationRequest request = aRequest("nano-banana-pro").aspectRatio("16:9").resolution("2K").seed(5L)
                .referenceUrl("https://example.com/a.png")
                .providerOptions("apixo", Map.of("provider", "official"))
                .providerOptions("xenodia", Map.of("channel_id", "c1")).build();
        URI callback = URI.create("https://hooks.example/callbacks/apixo/tok");

        var forApixo = ProviderRequests.forProvider(request, ProviderId.of("apixo"), callback);

        assertEquals("task-1", forApixo.correlationId());
        assertEquals(request.model(), forApixo.model());
        assertEquals(request.prompt(), forApixo.prompt());
        assertEquals(request.aspectRatio(), forApixo.aspectRatio());
        assertEquals(request.resolution(), forApixo.resolution());
        assertEquals(5L, forApixo.seed());
        assertEquals(request.references(), forApixo.references());
        assertEquals(Map.of("provider", "official"), forApixo.options());
        assertEquals(callback, forApixo.callbackUrl());
    }
}
