package dev.imagegen.adapter.apixo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.AspectRatio;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.ReferenceLimits;
import dev.imagegen.spi.ReferenceTransport;
import dev.imagegen.spi.Resolution;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What Apixo's nano-banana-pro declares, as seed 004 and VENDORS.md state it, and that the adapter's rules read it. */
class ApixoModelsTest {

    private static final ModelCapabilities NANO = ApixoModels.capabilities(ApixoModels.NANO_BANANA_PRO).orElseThrow();

    @Test
    void serves_nano_banana_pro_only() {
        assertEquals(List.of(ApixoModels.NANO_BANANA_PRO), ApixoModels.offers().stream().map(ModelOffer::model)
                .toList());
        assertTrue(ApixoModels.capabilities(ModelId.of("gpt-image-2")).isEmpty());
    }

    @Test
    void nano_banana_pro_takes_eleven_ratios_at_1k_2k_4k_in_png_or_jpeg_and_prompts_up_to_5000() {
        assertEquals(Stream.of("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9", "auto")
                .map(AspectRatio::parse).collect(Collectors.toSet()), NANO.aspectRatios());
        assertEquals(EnumSet.allOf(Resolution.class), NANO.resolutions());
        assertEquals(EnumSet.of(OutputFormat.PNG, OutputFormat.JPEG), NANO.outputFormats());
        assertEquals(5000, NANO.maxPromptLength());
        assertEquals(List.of(), NANO.forbiddenCombinations());
    }

    @Test
    void references_are_up_to_10_urls_only_of_jpeg_png_webp_within_10_mb() {
        assertEquals(ReferenceLimits.upTo(10, Set.of(ReferenceTransport.URL), ReferenceLimits.JPEG_PNG_WEBP,
                10L * 1024 * 1024), NANO.references());
    }

    @Test
    void one_image_no_seed_no_negative_prompt() {
        assertEquals(1, NANO.maxImages());
        assertFalse(NANO.seed());
        assertFalse(NANO.negativePrompt());
    }

    @Test
    void the_adapters_rules_follow_the_declaration() {
        ModelCapabilities wider = ModelCapabilities.builder().maxImages(2).seed(true)
                .references(ReferenceLimits.upTo(12, Set.of(ReferenceTransport.URL), ReferenceLimits.JPEG_PNG_WEBP, 1))
                .build();
        ProviderRequest request = ProviderRequest.builder("nano-banana-pro", "a cat").n(2).seed(7L)
                .references(Stream.iterate(0, i -> i + 1).limit(11)
                        .map(i -> (Reference) Reference.url("https://example.com/r" + i + ".png")).toList())
                .build();

        assertEquals(List.of(), ApixoRequestRules.violations(request, wider));
        assertEquals(3, ApixoRequestRules.violations(request, NANO).size(), "references, n and seed");
    }
}
