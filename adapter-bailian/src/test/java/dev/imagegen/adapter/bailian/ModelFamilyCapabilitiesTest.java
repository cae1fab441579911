package dev.imagegen.adapter.bailian;

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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What each family's models declare, as VENDORS.md (first section) states it. */
class ModelFamilyCapabilitiesTest {

    private static final long TEN_MB = 10L * 1024 * 1024;
    private static final Set<ReferenceTransport> BOTH = EnumSet.allOf(ReferenceTransport.class);

    private static Set<AspectRatio> ratios(String... ratios) {
        return Stream.of(ratios).map(AspectRatio::parse).collect(Collectors.toSet());
    }

    @Test
    void wan_text_to_image_is_1k_png_one_to_four_images_500_character_prompts_seed_and_no_references() {
        ModelCapabilities wan = ModelFamily.WAN_T2I.capabilities();
        assertEquals(ratios("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"),
                wan.aspectRatios());
        assertEquals(EnumSet.of(ONE_K), wan.resolutions());
        assertEquals(EnumSet.of(OutputFormat.PNG), wan.outputFormats());
        assertEquals(4, wan.maxImages());
        assertEquals(500, wan.maxPromptLength());
        assertEquals(500, wan.maxNegativePromptLength());
        assertTrue(wan.seed());
        assertEquals(ReferenceLimits.NONE, wan.references());
    }

    @Test
    void wan_image_edit_needs_one_to_three_references_within_10_mb_and_takes_2000_character_prompts() {
        ModelCapabilities edit = ModelFamily.WAN_I2I.capabilities();
        assertEquals(new ReferenceLimits(1, 3, BOTH, Set.of("image/jpeg", "image/png", "image/bmp", "image/webp"),
                TEN_MB), edit.references());
        assertEquals(2000, edit.maxPromptLength());
        assertEquals(4, edit.maxImages());
        assertEquals(EnumSet.of(ONE_K), edit.resolutions());
    }

    @Test
    void qwen_image_takes_its_five_sizes_at_1k_one_image_and_800_character_prompts() {
        ModelCapabilities qwen = ModelFamily.QWEN_IMAGE.capabilities();
        assertEquals(ratios("16:9", "4:3", "1:1", "3:4", "9:16"), qwen.aspectRatios());
        assertEquals(EnumSet.of(ONE_K), qwen.resolutions());
        assertEquals(1, qwen.maxImages());
        assertEquals(800, qwen.maxPromptLength());
        assertTrue(qwen.seed() && qwen.negativePrompt());
        assertEquals(ReferenceLimits.NONE, qwen.references());
    }

    @Test
    void seedream_is_jpeg_one_image_no_seed_nor_negative_prompt_and_up_to_14_references() {
        for (ModelFamily family : new ModelFamily[] {ModelFamily.SEEDREAM_40, ModelFamily.SEEDREAM_45}) {
            ModelCapabilities seedream = family.capabilities();
            assertEquals(ratios("1:1", "2:3", "3:2", "3:4", "4:3", "9:16", "16:9", "21:9"), seedream.aspectRatios());
            assertEquals(EnumSet.of(OutputFormat.JPEG), seedream.outputFormats());
            assertEquals(1, seedream.maxImages());
            assertFalse(seedream.seed());
            assertFalse(seedream.negativePrompt());
            assertEquals(3000, seedream.maxPromptLength());
            assertEquals(ReferenceLimits.upTo(14, BOTH, Set.of("image/jpeg", "image/png", "image/webp", "image/bmp",
                    "image/tiff", "image/gif"), TEN_MB), seedream.references());
        }
    }

    @Test
    void seedream_4_0_takes_every_resolution_and_4_5_only_2k_and_4k() {
        assertEquals(EnumSet.of(ONE_K, TWO_K, FOUR_K), ModelFamily.SEEDREAM_40.capabilities().resolutions());
        assertEquals(EnumSet.of(TWO_K, FOUR_K), ModelFamily.SEEDREAM_45.capabilities().resolutions());
    }
}
