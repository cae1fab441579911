package dev.imagegen.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.Violation;
import dev.imagegen.core.capability.CapabilityCheck;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.spi.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every limit the seeds and VENDORS.md (first section) state, as the real adapters declare it in their descriptors
 * (found through ServiceLoader, as the worker finds them) and as the core's {@link CapabilityCheck} enforces it,
 * with the messages a caller sees; and typical valid requests pass for every model. Nothing here reaches a vendor:
 * the base URLs refuse connections, so Xenodia's discovery refines nothing and its declaration stands.
 */
class DeclaredCapabilitiesTest {

    private static final int MIB = 1024 * 1024;
    private static final String[] WAN_T2I = {"wan2.2-t2i-flash", "wan2.2-t2i-plus", "wanx2.1-t2i-turbo"};
    private static final String NOWHERE = "http://127.0.0.1:1";
    private static Map<String, ImageProvider> providers;

    @BeforeAll
    static void createAdapters() {
        ProviderConfig config = ProviderConfig.of(Map.of("XENODIA_API_KEY", "k", "XENODIA_BASE_URL", NOWHERE,
                "APIXO_API_KEY", "k", "APIXO_BASE_URL", NOWHERE, "BAILIAN_API_KEY", "k", "BAILIAN_BASE_URL", NOWHERE));
        providers = ProviderRegistry.load().createEnabled(config).stream()
                .collect(Collectors.toMap(p -> p.descriptor().id().value(), p -> p));
    }

    @AfterAll
    static void closeAdapters() {
        providers.values().forEach(ImageProvider::close);
    }

    private static Optional<ModelOffer> offer(String provider, String model) {
        return providers.get(provider).descriptor().offer(ModelId.of(model));
    }

    private static ModelCapabilities capabilities(String provider, String model) {
        return offer(provider, model).map(ModelOffer::capabilities)
                .orElseThrow(() -> new AssertionError(provider + " does not serve " + model));
    }

    private static List<Violation> check(String provider, String model, GenerationRequest.Builder request) {
        return CapabilityCheck.check(request.build(), capabilities(provider, model));
    }

    private static void accepts(String provider, String model, GenerationRequest.Builder request) {
        assertEquals(List.of(), check(provider, model, request), provider + "/" + model);
    }

    /** Refused, and the violations name this field. */
    private static void refuses(String provider, String model, GenerationRequest.Builder request, String field) {
        List<Violation> violations = check(provider, model, request);
        assertTrue(violations.stream().anyMatch(v -> v.field().equals(field)),
                provider + "/" + model + " should refuse " + field + " but reported " + violations);
    }

    private static GenerationRequest.Builder aRequest(String model) {
        return GenerationRequest.builder().id("task-1").model(model).prompt("a lighthouse on a cliff at dusk");
    }

    private static GenerationRequest.Builder with(GenerationRequest.Builder builder, List<Reference> references) {
        references.forEach(builder::reference);
        return builder;
    }

    private static Reference url(int i) {
        return Reference.url("https://example.com/ref-" + i + ".png");
    }

    private static List<Reference> urls(int count) {
        List<Reference> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            refs.add(url(i));
        }
        return refs;
    }

    private static Reference bytes(int size, String mimeType) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 7);
        return Reference.inline(bytes, mimeType);
    }

    private static Reference png() {
        return bytes(64, "image/png");
    }

    private static GenerationRequest.Builder refs(String model, List<Reference> references) {
        return with(aRequest(model), references);
    }

    private static List<Reference> mixed(int urls, int inline) {
        List<Reference> refs = new ArrayList<>(urls(urls));
        for (int i = 0; i < inline; i++) {
            refs.add(png());
        }
        return refs;
    }

    // --- what the adapters serve

    @ParameterizedTest
    @CsvSource({"xenodia, nano-banana-pro", "xenodia, gpt-image-2", "apixo, nano-banana-pro",
            "bailian, wan2.2-t2i-flash", "bailian, wan2.2-t2i-plus", "bailian, wanx2.1-t2i-turbo",
            "bailian, wan2.5-i2i-preview", "bailian, qwen-image-plus", "bailian, qwen-image",
            "bailian, doubao-seedream-4-0-250828", "bailian, doubao-seedream-4-5-251128"})
    void declares_every_model_of_the_vendor_reference(String provider, String model) {
        assertTrue(offer(provider, model).isPresent(), provider + " serves " + model);
    }

    @ParameterizedTest
    @CsvSource({"apixo, gpt-image-2", "xenodia, wan2.2-t2i-flash", "bailian, nano-banana-pro",
            "xenodia, nano-banana"})
    void serves_nothing_else(String provider, String model) {
        assertTrue(offer(provider, model).isEmpty());
    }

    // --- typical valid requests pass everywhere

    static Stream<Arguments> typicalRequests() {
        return Stream.of(
                typical("xenodia", "nano-banana-pro", b -> with(b.aspectRatio("16:9").resolution("2K")
                        .outputFormat("png"), List.of(url(1), url(2), png()))),
                typical("xenodia", "nano-banana-pro", b -> b.aspectRatio("auto").resolution("4K").outputFormat("jpeg")),
                typical("xenodia", "gpt-image-2", b -> with(b.aspectRatio("16:9").resolution("2K"), List.of(url(1)))),
                typical("xenodia", "gpt-image-2", b -> b.aspectRatio("auto").resolution("1K")),
                typical("xenodia", "gpt-image-2", b -> b.aspectRatio("1:1").resolution("2K")),
                typical("apixo", "nano-banana-pro", b -> with(b.aspectRatio("3:2").resolution("2K")
                        .outputFormat("png"), urls(3))),
                typical("apixo", "nano-banana-pro", b -> b.aspectRatio("21:9").resolution("4K").outputFormat("jpeg")),
                typical("bailian", "wan2.2-t2i-flash", b -> b.aspectRatio("1:1").resolution("1K").n(4)
                        .negativePrompt("blurry").seed(42L).outputFormat("png")),
                typical("bailian", "wan2.2-t2i-plus", b -> b.aspectRatio("16:9").n(2).seed(0L)),
                typical("bailian", "wanx2.1-t2i-turbo", b -> b.aspectRatio("9:16").negativePrompt("text")),
                typical("bailian", "wan2.5-i2i-preview", b -> with(b.n(2).seed(7L).negativePrompt("noise"),
                        List.of(url(1), bytes(1000, "image/jpeg")))),
                typical("bailian", "qwen-image-plus", b -> b.aspectRatio("16:9").resolution("1K").seed(1L)
                        .negativePrompt("blurry").outputFormat("png")),
                typical("bailian", "qwen-image", b -> b.aspectRatio("3:4")),
                typical("bailian", "doubao-seedream-4-0-250828", b -> with(b.aspectRatio("16:9").resolution("2K")
                        .outputFormat("jpeg"), List.of(url(1), bytes(1000, "image/webp")))),
                typical("bailian", "doubao-seedream-4-0-250828", b -> b.resolution("1K")),
                typical("bailian", "doubao-seedream-4-5-251128", b -> b.aspectRatio("21:9").resolution("4K")),
                typical("bailian", "doubao-seedream-4-5-251128", b -> b.resolution("2K")));
    }

    private static Arguments typical(String provider, String model, UnaryOperator<GenerationRequest.Builder> shape) {
        return Arguments.of(provider, model, shape);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("typicalRequests")
    void accepts_a_typical_request(String provider, String model, UnaryOperator<GenerationRequest.Builder> shape) {
        accepts(provider, model, shape.apply(aRequest(model)));
    }

    @ParameterizedTest
    @CsvSource({"xenodia, nano-banana-pro", "xenodia, gpt-image-2", "apixo, nano-banana-pro",
            "bailian, wan2.2-t2i-flash", "bailian, wan2.2-t2i-plus", "bailian, wanx2.1-t2i-turbo",
            "bailian, qwen-image-plus", "bailian, qwen-image", "bailian, doubao-seedream-4-0-250828",
            "bailian, doubao-seedream-4-5-251128"})
    void accepts_a_bare_prompt_where_references_are_optional(String provider, String model) {
        accepts(provider, model, aRequest(model));
    }

    // --- Xenodia gpt-image-2 (seed 002)

    @ParameterizedTest
    @ValueSource(strings = {"auto", "1:1", "9:16", "16:9", "4:3", "3:4"})
    void gpt_image_2_takes_its_six_ratios(String ratio) {
        accepts("xenodia", "gpt-image-2", aRequest("gpt-image-2").aspectRatio(ratio));
    }

    @ParameterizedTest
    @ValueSource(strings = {"21:9", "2:3", "3:2", "4:5", "5:4"})
    void gpt_image_2_refuses_other_ratios(String ratio) {
        refuses("xenodia", "gpt-image-2", aRequest("gpt-image-2").aspectRatio(ratio), "aspectRatio");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg"})
    void rejects_any_output_format_for_gpt_image_2(String format) {
        refuses("xenodia", "gpt-image-2", aRequest("gpt-image-2").outputFormat(format), "outputFormat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2K", "4K"})
    void rejects_2k_and_4k_for_auto_gpt_image_2(String resolution) {
        assertEquals(List.of(Violation.unsupported("resolution", resolution, "with aspectRatio auto: 1K")),
                check("xenodia", "gpt-image-2", aRequest("gpt-image-2").aspectRatio("auto").resolution(resolution)));
    }

    @Test
    void rejects_4k_for_square_gpt_image_2() {
        assertEquals(List.of(Violation.unsupported("resolution", "4K", "with aspectRatio 1:1: 1K, 2K")),
                check("xenodia", "gpt-image-2", aRequest("gpt-image-2").aspectRatio("1:1").resolution("4K")));
    }

    @Test
    void accepts_4k_for_wide_gpt_image_2() {
        accepts("xenodia", "gpt-image-2", aRequest("gpt-image-2").aspectRatio("16:9").resolution("4K"));
    }

    @Test
    void gpt_image_2_takes_sixteen_references_and_no_more() {
        accepts("xenodia", "gpt-image-2", refs("gpt-image-2", mixed(10, 6)));
        refuses("xenodia", "gpt-image-2", refs("gpt-image-2", mixed(10, 7)), "references");
    }

    // --- Xenodia nano-banana-pro (seed 001)

    @ParameterizedTest
    @ValueSource(strings = {"1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9", "auto"})
    void xenodia_nano_banana_pro_takes_its_eleven_ratios_at_every_resolution(String ratio) {
        for (String resolution : List.of("1K", "2K", "4K")) {
            accepts("xenodia", "nano-banana-pro", aRequest("nano-banana-pro").aspectRatio(ratio)
                    .resolution(resolution));
        }
    }

    @Test
    void xenodia_nano_banana_pro_counts_urls_and_uploads_together_up_to_eight() {
        accepts("xenodia", "nano-banana-pro", refs("nano-banana-pro", mixed(4, 4)));
        refuses("xenodia", "nano-banana-pro", refs("nano-banana-pro", mixed(4, 5)), "references");
        refuses("xenodia", "nano-banana-pro", refs("nano-banana-pro", urls(9)), "references");
    }

    @ParameterizedTest
    @CsvSource({"xenodia, nano-banana-pro", "xenodia, gpt-image-2"})
    void xenodia_takes_jpeg_png_webp_up_to_30_mib(String provider, String model) {
        accepts(provider, model, refs(model, List.of(bytes(30 * MIB, "image/jpeg"), bytes(10, "image/png"),
                bytes(10, "image/webp"))));
        refuses(provider, model, refs(model, List.of(bytes(30 * MIB + 1, "image/png"))), "references[0]");
        refuses(provider, model, refs(model, List.of(bytes(10, "image/gif"))), "references[0].mimeType");
        refuses(provider, model, refs(model, List.of(bytes(10, "image/bmp"))), "references[0].mimeType");
    }

    // --- n = 1 where only 1 is allowed

    @ParameterizedTest
    @CsvSource({"xenodia, nano-banana-pro", "xenodia, gpt-image-2", "apixo, nano-banana-pro",
            "bailian, qwen-image-plus", "bailian, qwen-image", "bailian, doubao-seedream-4-0-250828",
            "bailian, doubao-seedream-4-5-251128"})
    void rejects_more_than_one_image_where_only_one_is_allowed(String provider, String model) {
        assertEquals(List.of(Violation.unsupported("n", "2", "1")), check(provider, model, aRequest(model).n(2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wan2.2-t2i-flash", "wan2.2-t2i-plus", "wanx2.1-t2i-turbo"})
    void wan_text_to_image_makes_one_to_four_images(String model) {
        accepts("bailian", model, aRequest(model).n(4));
        assertEquals(List.of(Violation.unsupported("n", "5", "1 to 4")), check("bailian", model, aRequest(model).n(5)));
    }

    @Test
    void wan_image_to_image_makes_one_to_four_images() {
        accepts("bailian", "wan2.5-i2i-preview", refs("wan2.5-i2i-preview", urls(1)).n(4));
        refuses("bailian", "wan2.5-i2i-preview", refs("wan2.5-i2i-preview", urls(1)).n(5), "n");
    }

    // --- Apixo nano-banana-pro (seed 004)

    @Test
    void rejects_inline_bytes_for_apixo() {
        assertEquals(List.of(Violation.unsupported("references[1]", "inline bytes", "references sent as URL")),
                check("apixo", "nano-banana-pro", refs("nano-banana-pro", List.of(url(0), png()))));
    }

    @Test
    void apixo_takes_ten_url_references_and_no_more() {
        accepts("apixo", "nano-banana-pro", refs("nano-banana-pro", urls(10)));
        assertEquals(List.of(Violation.unsupported("references", "11 references", "0 to 10 references")),
                check("apixo", "nano-banana-pro", refs("nano-banana-pro", urls(11))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9", "auto"})
    void apixo_nano_banana_pro_takes_the_eleven_ratios(String ratio) {
        accepts("apixo", "nano-banana-pro", aRequest("nano-banana-pro").aspectRatio(ratio).resolution("1K"));
    }

    @Test
    void apixo_prompts_are_at_most_5000_characters() {
        accepts("apixo", "nano-banana-pro", aRequest("nano-banana-pro").prompt("p".repeat(5000)));
        refuses("apixo", "nano-banana-pro", aRequest("nano-banana-pro").prompt("p".repeat(5001)), "prompt");
    }

    // --- Bailian: Wan text-to-image

    @ParameterizedTest
    @CsvSource({"wan2.2-t2i-flash, 2K", "wan2.2-t2i-flash, 4K", "wan2.2-t2i-plus, 2K", "wan2.2-t2i-plus, 4K",
            "wanx2.1-t2i-turbo, 2K", "wanx2.1-t2i-turbo, 4K"})
    void rejects_2k_and_4k_for_wan_text_to_image(String model, String resolution) {
        assertEquals(List.of(Violation.unsupported("resolution", resolution, "1K")),
                check("bailian", model, aRequest(model).resolution(resolution)));
    }

    @Test
    void wan_text_to_image_takes_no_references() {
        for (String model : WAN_T2I) {
            refuses("bailian", model, refs(model, urls(1)), "references");
        }
    }

    @Test
    void wan_text_to_image_prompts_are_at_most_500_characters() {
        for (String model : WAN_T2I) {
            accepts("bailian", model, aRequest(model).prompt("p".repeat(500)));
            refuses("bailian", model, aRequest(model).prompt("p".repeat(501)), "prompt");
        }
    }

    @Test
    void wan_negative_prompts_are_at_most_500_characters() {
        for (String model : List.of("wan2.2-t2i-flash", "wan2.2-t2i-plus", "wanx2.1-t2i-turbo")) {
            accepts("bailian", model, aRequest(model).negativePrompt("n".repeat(500)));
            assertEquals(List.of(Violation.unsupported("negativePrompt", "501 characters", "at most 500 characters")),
                    check("bailian", model, aRequest(model).negativePrompt("n".repeat(501))));
        }
        refuses("bailian", "wan2.5-i2i-preview", refs("wan2.5-i2i-preview", urls(1)).negativePrompt("n".repeat(501)),
                "negativePrompt");
    }

    // --- Bailian: Wan image-to-image

    @Test
    void wan_image_to_image_needs_one_to_three_references() {
        accepts("bailian", "wan2.5-i2i-preview", refs("wan2.5-i2i-preview", mixed(2, 1)));
        assertEquals(List.of(Violation.unsupported("references", "0 references", "1 to 3 references")),
                check("bailian", "wan2.5-i2i-preview", aRequest("wan2.5-i2i-preview")));
        refuses("bailian", "wan2.5-i2i-preview", refs("wan2.5-i2i-preview", urls(4)), "references");
    }

    @Test
    void wan_image_to_image_takes_jpeg_png_bmp_webp_up_to_10_mib() {
        accepts("bailian", "wan2.5-i2i-preview", refs("wan2.5-i2i-preview",
                List.of(bytes(10 * MIB, "image/bmp"), bytes(10, "image/webp"), bytes(10, "image/jpeg"))));
        refuses("bailian", "wan2.5-i2i-preview", refs("wan2.5-i2i-preview", List.of(bytes(10 * MIB + 1, "image/png"))),
                "references[0]");
        refuses("bailian", "wan2.5-i2i-preview", refs("wan2.5-i2i-preview", List.of(bytes(10, "image/gif"))),
                "references[0].mimeType");
    }

    @Test
    void wan_image_to_image_prompts_are_at_most_2000_characters() {
        accepts("bailian", "wan2.5-i2i-preview", refs("wan2.5-i2i-preview", urls(1)).prompt("p".repeat(2000)));
        refuses("bailian", "wan2.5-i2i-preview", refs("wan2.5-i2i-preview", urls(1)).prompt("p".repeat(2001)),
                "prompt");
    }

    // --- Bailian: Qwen-Image

    @ParameterizedTest
    @CsvSource({"qwen-image-plus, 16:9", "qwen-image-plus, 4:3", "qwen-image-plus, 1:1", "qwen-image-plus, 3:4",
            "qwen-image-plus, 9:16", "qwen-image, 16:9", "qwen-image, 4:3", "qwen-image, 1:1", "qwen-image, 3:4",
            "qwen-image, 9:16"})
    void qwen_image_takes_its_five_sizes(String model, String ratio) {
        accepts("bailian", model, aRequest(model).aspectRatio(ratio).resolution("1K"));
    }

    @ParameterizedTest
    @CsvSource({"qwen-image-plus, 2:3", "qwen-image-plus, 21:9", "qwen-image-plus, auto", "qwen-image-plus, 5:4",
            "qwen-image, 3:2", "qwen-image, 4:5", "qwen-image, auto"})
    void rejects_sizes_outside_the_five_for_qwen_image(String model, String ratio) {
        assertEquals(List.of(Violation.unsupported("aspectRatio", ratio, "16:9, 4:3, 1:1, 3:4, 9:16")),
                check("bailian", model, aRequest(model).aspectRatio(ratio)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen-image-plus", "qwen-image"})
    void qwen_image_has_fixed_1k_sizes_no_references_and_800_character_prompts(String model) {
        refuses("bailian", model, aRequest(model).resolution("2K"), "resolution");
        refuses("bailian", model, refs(model, urls(1)), "references");
        accepts("bailian", model, aRequest(model).prompt("p".repeat(800)));
        refuses("bailian", model, aRequest(model).prompt("p".repeat(801)), "prompt");
    }

    // --- Bailian: Seedream (Volcano Engine Ark)

    @Test
    void rejects_1k_for_seedream_4_5() {
        assertEquals(List.of(Violation.unsupported("resolution", "1K", "2K, 4K")),
                check("bailian", "doubao-seedream-4-5-251128", aRequest("doubao-seedream-4-5-251128").resolution("1K")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1K", "2K", "4K"})
    void seedream_4_0_takes_every_resolution(String resolution) {
        accepts("bailian", "doubao-seedream-4-0-250828", aRequest("doubao-seedream-4-0-250828").resolution(resolution));
    }

    @ParameterizedTest
    @ValueSource(strings = {"doubao-seedream-4-0-250828", "doubao-seedream-4-5-251128"})
    void seedream_takes_fourteen_references_of_many_types_up_to_10_mib(String model) {
        accepts("bailian", model, refs(model, mixed(13, 1)));
        refuses("bailian", model, refs(model, urls(15)), "references");
        accepts("bailian", model, refs(model, List.of(bytes(10 * MIB, "image/tiff"), bytes(10, "image/gif"),
                bytes(10, "image/bmp"), bytes(10, "image/webp"))));
        refuses("bailian", model, refs(model, List.of(bytes(10 * MIB + 1, "image/jpeg"))), "references[0]");
        refuses("bailian", model, refs(model, List.of(bytes(10, "image/heic"))), "references[0].mimeType");
    }

    // --- negative prompt and seed only where supported

    @ParameterizedTest
    @CsvSource({"xenodia, nano-banana-pro", "xenodia, gpt-image-2", "apixo, nano-banana-pro",
            "bailian, doubao-seedream-4-0-250828", "bailian, doubao-seedream-4-5-251128"})
    void rejects_seed_and_negative_prompt_where_unsupported(String provider, String model) {
        assertEquals(List.of(
                Violation.unsupported("negativePrompt", "(set)", "none (this model does not take a negative prompt)"),
                Violation.unsupported("seed", "42", "none (this model does not take a seed)")),
                check(provider, model, aRequest(model).negativePrompt("blurry").seed(42L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wan2.2-t2i-flash", "wan2.2-t2i-plus", "wanx2.1-t2i-turbo", "qwen-image-plus",
            "qwen-image"})
    void accepts_seed_and_negative_prompt_where_supported(String model) {
        accepts("bailian", model, aRequest(model).negativePrompt("blurry").seed(42L));
    }

    // --- output formats

    @ParameterizedTest
    @CsvSource({"xenodia, nano-banana-pro, png", "xenodia, nano-banana-pro, jpeg", "apixo, nano-banana-pro, png",
            "apixo, nano-banana-pro, jpeg", "bailian, wan2.2-t2i-flash, png", "bailian, qwen-image, png",
            "bailian, doubao-seedream-4-0-250828, jpeg"})
    void accepts_the_formats_each_vendor_produces(String provider, String model, String format) {
        accepts(provider, model, aRequest(model).outputFormat(format));
    }

    @ParameterizedTest
    @CsvSource({"bailian, wan2.2-t2i-flash, jpeg", "bailian, qwen-image, jpeg",
            "bailian, doubao-seedream-4-5-251128, png"})
    void rejects_formats_a_model_does_not_produce(String provider, String model, String format) {
        refuses(provider, model, aRequest(model).outputFormat(format), "outputFormat");
    }

    // --- prompt length on the generous caps

    @Test
    void xenodia_caps_prompts_at_32000_and_seedream_at_3000() {
        accepts("xenodia", "gpt-image-2", aRequest("gpt-image-2").prompt("p".repeat(32_000)));
        refuses("xenodia", "gpt-image-2", aRequest("gpt-image-2").prompt("p".repeat(32_001)), "prompt");
        refuses("xenodia", "nano-banana-pro", aRequest("nano-banana-pro").prompt("p".repeat(32_001)), "prompt");
        accepts("bailian", "doubao-seedream-4-0-250828", aRequest("doubao-seedream-4-0-250828")
                .prompt("p".repeat(3000)));
        refuses("bailian", "doubao-seedream-4-0-250828", aRequest("doubao-seedream-4-0-250828")
                .prompt("p".repeat(3001)), "prompt");
    }
}
