package dev.imagegen.adapter.xenodia;

import static dev.imagegen.spi.Resolution.FOUR_K;
import static dev.imagegen.spi.Resolution.ONE_K;
import static dev.imagegen.spi.Resolution.TWO_K;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.AspectRatio;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ReferenceLimits;
import dev.imagegen.spi.ReferenceTransport;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What Xenodia's models declare, as seeds 000-002 and VENDORS.md state it (the core checks requests against it). */
class XenodiaModelTest {

    private static final ModelCapabilities NANO = XenodiaModel.NANO_BANANA_PRO.capabilities();
    private static final ModelCapabilities GPT = XenodiaModel.GPT_IMAGE_2.capabilities();

    private static Set<AspectRatio> ratios(String... ratios) {
        return Stream.of(ratios).map(AspectRatio::parse).collect(Collectors.toSet());
    }

    @Test
    void nano_banana_pro_takes_eleven_ratios_at_1k_2k_4k_in_png_or_jpeg() {
        assertEquals(ratios("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9", "auto"),
                NANO.aspectRatios());
        assertEquals(EnumSet.of(ONE_K, TWO_K, FOUR_K), NANO.resolutions());
        assertEquals(List.of(), NANO.forbiddenCombinations());
        assertEquals(EnumSet.of(OutputFormat.PNG, OutputFormat.JPEG), NANO.outputFormats());
    }

    @Test
    void gpt_image_2_takes_six_ratios_and_no_output_format() {
        assertEquals(ratios("auto", "1:1", "9:16", "16:9", "4:3", "3:4"), GPT.aspectRatios());
        assertEquals(EnumSet.of(ONE_K, TWO_K, FOUR_K), GPT.resolutions());
        assertEquals(Set.of(), GPT.outputFormats());
    }

    @Test
    void gpt_image_2_takes_auto_only_at_1k_and_square_not_at_4k() {
        assertTrue(GPT.allowsTogether(AspectRatio.AUTO, ONE_K));
        assertFalse(GPT.allowsTogether(AspectRatio.AUTO, TWO_K));
        assertFalse(GPT.allowsTogether(AspectRatio.AUTO, FOUR_K));
        assertTrue(GPT.allowsTogether(AspectRatio.parse("1:1"), TWO_K));
        assertFalse(GPT.allowsTogether(AspectRatio.parse("1:1"), FOUR_K));
        assertTrue(GPT.allowsTogether(AspectRatio.parse("16:9"), FOUR_K));
        assertEquals(3, GPT.forbiddenCombinations().size());
    }

    @Test
    void references_count_urls_and_uploads_together_up_to_8_and_16_of_jpeg_png_webp_within_30_mib() {
        Set<ReferenceTransport> both = EnumSet.of(ReferenceTransport.URL, ReferenceTransport.INLINE);
        assertEquals(ReferenceLimits.upTo(8, both, ReferenceLimits.JPEG_PNG_WEBP, 30L * 1024 * 1024),
                NANO.references());
        assertEquals(ReferenceLimits.upTo(16, both, ReferenceLimits.JPEG_PNG_WEBP, 30L * 1024 * 1024),
                GPT.references());
    }

    @ParameterizedTest
    @EnumSource(XenodiaModel.class)
    void every_model_makes_one_image_takes_no_seed_nor_negative_prompt_and_caps_prompts_at_32000(XenodiaModel model) {
        ModelCapabilities capabilities = model.capabilities();
        assertEquals(1, capabilities.maxImages());
        assertFalse(capabilities.seed());
        assertFalse(capabilities.negativePrompt());
        assertEquals(32_000, capabilities.maxPromptLength());
        assertEquals(capabilities, model.offer().capabilities(), "the descriptor declares them");
    }
}
