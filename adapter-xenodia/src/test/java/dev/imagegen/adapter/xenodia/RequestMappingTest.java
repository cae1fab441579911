package dev.imagegen.adapter.xenodia;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.xenodia.ReceivedSubmit;
import dev.imagegen.testkit.xenodia.UploadedFile;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Resolution;
import dev.imagegen.spi.Submission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each field of the unified request as Xenodia receives it (JSON or multipart), and what is refused before a call. */
class RequestMappingTest {

    @RegisterExtension
    static final SimulatedXenodia XENODIA = new SimulatedXenodia();

    @Test
    void sends_a_prompt_only_request_as_json_with_url_format_n_1_and_async() {
        ReceivedSubmit sent = submit(Fixtures.nanoBanana().build());
        assertEquals("application/json", sent.contentType());
        assertEquals(Map.of("model", "nano-banana-pro", "prompt", "A cinematic banana pilot on a wet neon runway",
                "n", 1, "async", true, "response_format", "url"), sent.fields());
    }

    @Test
    void maps_aspect_ratio_and_resolution() {
        ReceivedSubmit sent = submit(Fixtures.nanoBanana().aspectRatio("21:9").resolution(Resolution.FOUR_K).build());
        assertEquals("21:9", sent.field("aspect_ratio"));
        assertEquals("4K", sent.field("resolution"));
    }

    @Test
    void maps_auto_aspect_ratio_to_auto() {
        assertEquals("auto", submit(Fixtures.gptImage().aspectRatio("auto").resolution(Resolution.ONE_K).build())
                .field("aspect_ratio"));
    }

    @Test
    void maps_jpeg_to_jpg_for_nano_banana_pro() {
        assertEquals("jpg", submit(Fixtures.nanoBanana().outputFormat(OutputFormat.JPEG).build()).field("output_format"));
    }

    @Test
    void maps_png_to_png_for_nano_banana_pro() {
        assertEquals("png", submit(Fixtures.nanoBanana().outputFormat(OutputFormat.PNG).build()).field("output_format"));
    }

    @Test
    void sends_gpt_image_2_without_output_format() {
        ReceivedSubmit sent = submit(Fixtures.gptImage().aspectRatio("16:9").resolution(Resolution.TWO_K).build());
        assertEquals("gpt-image-2", sent.field("model"));
        assertFalse(sent.has("output_format"));
    }

    @Test
    void refuses_an_output_format_for_gpt_image_2_without_calling_xenodia() {
        assertRefusedLocally(Fixtures.gptImage().outputFormat(OutputFormat.PNG).build(),
                ErrorCode.UNSUPPORTED_PARAMETER);
    }

    @Test
    void refuses_n_above_1_negative_prompt_and_seed_without_calling_xenodia() {
        assertRefusedLocally(Fixtures.nanoBanana().n(2).build(), ErrorCode.UNSUPPORTED_PARAMETER);
        assertRefusedLocally(Fixtures.nanoBanana().negativePrompt("blurry").build(), ErrorCode.UNSUPPORTED_PARAMETER);
        assertRefusedLocally(Fixtures.nanoBanana().seed(42L).build(), ErrorCode.UNSUPPORTED_PARAMETER);
    }

    @Test
    void refuses_a_model_xenodia_does_not_serve_without_calling_it() {
        assertRefusedLocally(ProviderRequest.builder("wan2.2-t2i-flash", "a cat").build(), ErrorCode.UNSUPPORTED_MODEL);
    }

    @Test
    void sends_url_references_as_image_input_in_json() {
        ReceivedSubmit sent = submit(Fixtures.gptImage().references(List.of(
                Reference.url("https://example.com/ref-1.png"), Reference.url("https://example.com/ref-2.png"))).build());
        assertEquals("application/json", sent.contentType());
        assertEquals(List.of("https://example.com/ref-1.png", "https://example.com/ref-2.png"), sent.field("image_input"));
    }

    @Test
    void sends_inline_references_as_multipart_image_files_with_name_and_mime_type() {
        ReceivedSubmit sent = submit(Fixtures.nanoBanana().aspectRatio("16:9").resolution(Resolution.TWO_K)
                .outputFormat(OutputFormat.JPEG).references(List.of(Fixtures.png(),
                        Reference.url("https://example.com/ref.png"), Reference.inline(Fixtures.JPEG, "image/jpeg")))
                .build());
        assertTrue(sent.multipart(), sent.contentType());
        assertEquals("nano-banana-pro", sent.field("model"));
        assertEquals("A cinematic banana pilot on a wet neon runway", sent.field("prompt"));
        assertEquals("1", sent.field("n"));
        assertEquals("true", sent.field("async"));
        assertEquals("url", sent.field("response_format"));
        assertEquals("16:9", sent.field("aspect_ratio"));
        assertEquals("2K", sent.field("resolution"));
        assertEquals("jpg", sent.field("output_format"));
        assertEquals("https://example.com/ref.png", sent.field("image_input[]"));
        List<UploadedFile> files = sent.files();
        assertEquals(2, files.size());
        assertFile(files.get(0), "reference-1.png", "image/png", Fixtures.PNG);
        assertFile(files.get(1), "reference-3.jpg", "image/jpeg", Fixtures.JPEG);
    }

    @Test
    void sends_each_url_as_a_repeated_image_input_part_in_multipart() {
        ReceivedSubmit sent = submit(Fixtures.gptImage().references(List.of(Reference.url("https://example.com/a.png"),
                Reference.url("https://example.com/b.png"), Fixtures.png())).build());
        assertEquals(List.of("https://example.com/a.png", "https://example.com/b.png"), sent.field("image_input[]"));
        assertEquals(1, sent.files().size());
        assertFalse(sent.has("output_format"));
    }

    @Test
    void sends_sixteen_references_to_gpt_image_2() {
        List<Reference> references = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            references.add(Reference.url("https://example.com/ref-" + i + ".png"));
            references.add(Fixtures.png());
        }
        ReceivedSubmit sent = submit(Fixtures.gptImage().references(references).build());
        assertEquals(8, sent.imageInputs().size());
        assertEquals(8, sent.files().size());
    }

    @Test
    void sends_channel_id_from_provider_options_as_a_number() {
        assertEquals(2, submit(Fixtures.nanoBanana().options(Map.of("channel_id", 2)).build()).field("channel_id"));
        assertEquals(2, submit(Fixtures.nanoBanana().options(Map.of("channel_id", "2")).build()).field("channel_id"));
    }

    @Test
    void sends_channel_id_as_a_part_in_multipart() {
        ReceivedSubmit sent = submit(Fixtures.nanoBanana().options(Map.of("channel_id", 1))
                .references(List.of(Fixtures.png())).build());
        assertEquals("1", sent.field("channel_id"));
    }

    @Test
    void refuses_a_channel_id_that_is_not_a_whole_number_without_calling_xenodia() {
        assertRefusedLocally(Fixtures.nanoBanana().options(Map.of("channel_id", "primary")).build(),
                ErrorCode.INVALID_REQUEST);
    }

    @Test
    void passes_other_provider_options_through_unchanged() {
        Map<String, Object> options = Map.of("quality_hint", "high", "tags", List.of("a", "b"),
                "extra", Map.of("k", 1), "strict", false);
        ReceivedSubmit sent = submit(Fixtures.nanoBanana().options(options).build());
        options.forEach((name, value) -> assertEquals(value, sent.field(name), name));
    }

    @Test
    void passes_provider_options_through_as_parts_in_multipart() {
        ReceivedSubmit sent = submit(Fixtures.nanoBanana().references(List.of(Fixtures.png()))
                .options(Map.of("quality_hint", "high", "tags", List.of("a", "b"))).build());
        assertEquals("high", sent.field("quality_hint"));
        assertEquals(List.of("a", "b"), sent.field("tags"));
    }

    @Test
    void refuses_provider_options_that_would_override_a_mapped_field() {
        assertRefusedLocally(Fixtures.nanoBanana().options(Map.of("resolution", "4K")).build(),
                ErrorCode.INVALID_REQUEST);
        assertRefusedLocally(Fixtures.nanoBanana().options(Map.of("image_input[]", "https://x.test/a.png")).build(),
                ErrorCode.INVALID_REQUEST);
    }

    private static ReceivedSubmit submit(ProviderRequest request) {
        Submission submission = XENODIA.provider().submit(request).toCompletableFuture().join();
        assertInstanceOf(Submission.Accepted.class, submission);
        ReceivedSubmit sent = XENODIA.simulator().lastSubmit();
        assertEquals(202, sent.status(), () -> "the simulator refused " + sent);
        return sent;
    }

    private static void assertRefusedLocally(ProviderRequest request, ErrorCode expected) {
        long before = XENODIA.simulator().counters().submits();
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> XENODIA.provider().submit(request).toCompletableFuture().join());
        ProviderException e = assertInstanceOf(ProviderException.class, failure.getCause());
        assertEquals(expected, e.code(), e.getMessage());
        assertEquals(before, XENODIA.simulator().counters().submits(), "no call may reach Xenodia");
    }

    private static void assertFile(UploadedFile file, String name, String mime, byte[] bytes) {
        assertEquals("image[]", file.field());
        assertEquals(name, file.fileName());
        assertEquals(mime, file.contentType());
        assertArrayEquals(bytes, file.bytes());
    }
}
