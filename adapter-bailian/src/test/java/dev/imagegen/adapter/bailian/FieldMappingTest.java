package dev.imagegen.adapter.bailian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.bailian.BailianSimulator;
import dev.imagegen.testkit.bailian.ReceivedRequest;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Resolution;
import dev.imagegen.testkit.TestImages;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each unified field as the gateway received it (the bodies are the same in the native style). */
class FieldMappingTest {

    private static final byte[] PNG = TestImages.png(8, 8, Color.RED);
    private static Fixture fixture;

    @BeforeAll
    static void start() {
        fixture = Fixture.start(BailianSimulator.Style.GATEWAY);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void reset() {
        fixture.sim.reset();
    }

    @Test
    void wan_body_is_dashscope_with_prompt_in_input_and_n_size_seed_in_parameters() throws Exception {
        Map<String, Object> body = sent(ProviderRequest.builder("wan2.2-t2i-plus", "a red fox").aspectRatio("16:9")
                .n(3).seed(42L).build());
        assertEquals("wan2.2-t2i-plus", body.get("model"));
        assertEquals(Map.of("prompt", "a red fox"), body.get("input"));
        assertEquals(Map.of("size", "1360*768", "n", 3, "seed", 42), body.get("parameters"));
    }

    @Test
    void n_is_always_sent_to_dashscope_even_when_it_is_one() throws Exception {
        assertEquals(1, parameters(sent(ProviderRequest.builder("wanx2.1-t2i-turbo", "p").build())).get("n"));
        assertEquals(1, parameters(sent(ProviderRequest.builder("qwen-image", "p").build())).get("n"));
        assertEquals(1, parameters(sent(i2i(List.of(Reference.url("https://example.com/a.png"))))).get("n"));
    }

    @Test
    void wan_negative_prompt_goes_in_input() throws Exception {
        Map<String, Object> body = sent(ProviderRequest.builder("wan2.2-t2i-flash", "p").negativePrompt("blurry")
                .build());
        assertEquals("blurry", input(body).get("negative_prompt"));
        assertFalse(parameters(body).containsKey("negative_prompt"));
    }

    @Test
    void qwen_negative_prompt_goes_in_parameters_and_the_prompt_in_a_user_message() throws Exception {
        Map<String, Object> body = sent(ProviderRequest.builder("qwen-image-plus", "a teapot").negativePrompt("text")
                .aspectRatio("9:16").seed(7L).build());
        Map<String, Object> message = Map.of("role", "user", "content", List.of(Map.of("text", "a teapot")));
        assertEquals(Map.of("messages", List.of(message)), body.get("input"));
        assertEquals(Map.of("size", "928*1664", "n", 1, "seed", 7, "negative_prompt", "text"), body.get("parameters"));
    }

    @Test
    void wan_image_edit_sends_url_and_data_uri_references_in_input_images() throws Exception {
        Map<String, Object> body = sent(i2i(List.of(Reference.url("https://example.com/a.png"),
                Reference.inline(PNG, "image/png"))));
        List<?> images = (List<?>) input(body).get("images");
        assertEquals("https://example.com/a.png", images.get(0));
        assertEquals(Reference.inline(PNG, "image/png").dataUri(), images.get(1));
        assertFalse(parameters(body).containsKey("size"), "no ratio: the reference's own shape");
    }

    @Test
    void seedream_body_is_ark_with_url_response_and_no_watermark() throws Exception {
        Map<String, Object> body = sent(ProviderRequest.builder("doubao-seedream-4-0-250828", "a harbour").build());
        assertEquals(Map.of("model", "doubao-seedream-4-0-250828", "prompt", "a harbour", "size", "2K",
                "response_format", "url", "watermark", false), body);
    }

    @Test
    void seedream_takes_one_reference_as_a_string_and_several_as_a_list() throws Exception {
        Map<String, Object> one = sent(ProviderRequest.builder("doubao-seedream-4-5-251128", "p")
                .references(List.of(Reference.url("https://example.com/a.png"))).build());
        assertEquals("https://example.com/a.png", one.get("image"));
        Map<String, Object> two = sent(ProviderRequest.builder("doubao-seedream-4-5-251128", "p")
                .references(List.of(Reference.url("https://example.com/a.png"), Reference.inline(PNG, "image/png")))
                .build());
        assertEquals(List.of("https://example.com/a.png", Reference.inline(PNG, "image/png").dataUri()),
                two.get("image"));
    }

    @Test
    void seedream_ratio_and_resolution_become_pixels() throws Exception {
        Map<String, Object> body = sent(ProviderRequest.builder("doubao-seedream-4-5-251128", "p").aspectRatio("16:9")
                .resolution(Resolution.FOUR_K).build());
        assertEquals("5456x3072", body.get("size"));
    }

    @Test
    void seedream_watermark_follows_provider_options() throws Exception {
        Map<String, Object> body = sent(ProviderRequest.builder("doubao-seedream-4-0-250828", "p")
                .options(Map.of("watermark", true)).build());
        assertEquals(true, body.get("watermark"));
    }

    @Test
    void provider_options_go_into_dashscope_parameters() throws Exception {
        Map<String, Object> body = sent(ProviderRequest.builder("wan2.2-t2i-flash", "p")
                .options(Map.of("prompt_extend", false, "watermark", true)).build());
        assertEquals(false, parameters(body).get("prompt_extend"));
        assertEquals(true, parameters(body).get("watermark"));
    }

    @Test
    void provider_options_go_to_the_ark_top_level() throws Exception {
        Map<String, Object> body = sent(ProviderRequest.builder("doubao-seedream-4-0-250828", "p")
                .options(Map.of("optimize_prompt_options", Map.of("mode", "fast"))).build());
        assertEquals(Map.of("mode", "fast"), body.get("optimize_prompt_options"));
    }

    @Test
    void a_provider_option_that_would_replace_a_mapped_field_is_refused_before_sending() {
        long before = fixture.sim.submitCount();
        var e = fixture.submitFailure(ProviderRequest.builder("wan2.2-t2i-flash", "p")
                .options(Map.of("n", 4)).build());
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains("'n'"), e.getMessage());
        assertEquals(before, fixture.sim.submitCount());
    }

    @Test
    void png_is_accepted_for_dashscope_models_without_sending_a_format() throws Exception {
        Map<String, Object> body = sent(ProviderRequest.builder("wan2.2-t2i-flash", "p")
                .outputFormat(OutputFormat.PNG).build());
        assertFalse(body.toString().contains("format"));
    }

    @Test
    void formats_a_model_cannot_make_are_refused_not_sent() {
        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, fixture.submitFailure(ProviderRequest.builder(
                "wan2.2-t2i-flash", "p").outputFormat(OutputFormat.JPEG).build()).code());
        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, fixture.submitFailure(ProviderRequest.builder(
                "doubao-seedream-4-0-250828", "p").outputFormat(OutputFormat.PNG).build()).code());
    }

    @Test
    void seedream_seed_and_negative_prompt_are_refused_not_sent() {
        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, fixture.submitFailure(ProviderRequest.builder(
                "doubao-seedream-4-5-251128", "p").seed(1L).build()).code());
        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, fixture.submitFailure(ProviderRequest.builder(
                "doubao-seedream-4-5-251128", "p").negativePrompt("x").build()).code());
    }

    @Test
    void gateway_submit_carries_bearer_key_json_and_no_async_headers() throws Exception {
        fixture.submit(ProviderRequest.builder("wan2.2-t2i-flash", "p").build());
        ReceivedRequest request = fixture.sim.lastSubmit();
        assertEquals("/api/v1/images/generations", request.path());
        assertEquals("Bearer " + fixture.sim.apiKey(), request.header("Authorization").orElseThrow());
        assertTrue(request.header("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(request.header("X-Async").isEmpty());
        assertTrue(request.header("X-DashScope-Async").isEmpty());
    }

    @Test
    void an_unknown_model_is_refused_before_sending() {
        assertEquals(ErrorCode.UNSUPPORTED_MODEL,
                fixture.submitFailure(ProviderRequest.builder("wan9-ultra", "p").build()).code());
    }

    private static ProviderRequest i2i(List<Reference> references) {
        return ProviderRequest.builder("wan2.5-i2i-preview", "make it snow").references(references).build();
    }

    private static Map<String, Object> sent(ProviderRequest request) throws Exception {
        fixture.submit(request);
        return fixture.sim.lastSubmit().json();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> input(Map<String, Object> body) {
        return (Map<String, Object>) body.get("input");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters(Map<String, Object> body) {
        return (Map<String, Object>) body.get("parameters");
    }
}
