package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelCapabilitiesTest {

    private static final long MIB = 1024L * 1024;

    private static ModelCapabilities gptImage2Like() {
        return ModelCapabilities.builder()
                .aspectRatios("auto", "1:1", "16:9")
                .resolutions(Resolution.ONE_K, Resolution.TWO_K, Resolution.FOUR_K)
                .forbid("1:1", Resolution.FOUR_K)
                .outputFormats(OutputFormat.PNG)
                .maxImages(2).maxPromptLength(1000).negativePrompt(100).seed(true)
                .references(ReferenceLimits.upTo(16, Set.of(ReferenceTransport.URL), ReferenceLimits.JPEG_PNG_WEBP,
                        30 * MIB))
                .build();
    }

    private static CapabilityRefinement refinement(Set<AspectRatio> ratios, Set<Resolution> resolutions,
                                                   Integer maxReferences) {
        return new CapabilityRefinement(ratios, resolutions, maxReferences, Map.of());
    }

    @Test
    void refining_by_nothing_changes_nothing() {
        assertEquals(gptImage2Like(), gptImage2Like().refinedBy(CapabilityRefinement.NONE));
    }

    @Test
    void refinement_replaces_aspect_ratios_resolutions_and_reference_cap() {
        ModelCapabilities refined = gptImage2Like().refinedBy(refinement(
                Set.of(AspectRatio.parse("1:1"), AspectRatio.parse("3:4")), Set.of(Resolution.ONE_K), 4));

        assertEquals(Set.of(AspectRatio.parse("1:1"), AspectRatio.parse("3:4")), refined.aspectRatios());
        assertEquals(Set.of(Resolution.ONE_K), refined.resolutions());
        assertEquals(4, refined.references().maxCount());
    }

    @Test
    void refinement_keeps_what_it_does_not_speak_of() {
        ModelCapabilities original = gptImage2Like();
        ModelCapabilities refined = original.refinedBy(refinement(null, null, 4));

        assertEquals(original.aspectRatios(), refined.aspectRatios());
        assertEquals(original.resolutions(), refined.resolutions());
        assertEquals(original.forbiddenCombinations(), refined.forbiddenCombinations());
        assertEquals(original.outputFormats(), refined.outputFormats());
        assertEquals(original.maxImages(), refined.maxImages());
        assertEquals(original.maxPromptLength(), refined.maxPromptLength());
        assertEquals(original.maxNegativePromptLength(), refined.maxNegativePromptLength());
        assertEquals(original.seed(), refined.seed());
        assertEquals(original.references().transports(), refined.references().transports());
        assertEquals(original.references().mimeTypes(), refined.references().mimeTypes());
        assertEquals(original.references().maxBytes(), refined.references().maxBytes());
    }

    @Test
    void refinement_may_raise_the_reference_cap_of_a_model_that_takes_references() {
        assertEquals(20, gptImage2Like().refinedBy(refinement(null, null, 20)).references().maxCount());
    }

    @Test
    void a_reference_cap_of_zero_turns_references_off() {
        assertFalse(gptImage2Like().refinedBy(refinement(null, null, 0)).references().accepted());
    }

    @Test
    void a_reference_cap_cannot_open_references_on_a_model_that_declares_no_way_to_send_them() {
        ModelCapabilities none = ModelCapabilities.builder().aspectRatios("1:1").build();

        ModelCapabilities refined = none.refinedBy(refinement(null, null, 5));

        assertEquals(ReferenceLimits.NONE, refined.references());
    }

    @Test
    void combination_rules_survive_refinement() {
        ModelCapabilities refined = gptImage2Like().refinedBy(refinement(null, Set.of(Resolution.FOUR_K), null));

        assertFalse(refined.allowsTogether(AspectRatio.parse("1:1"), Resolution.FOUR_K));
        assertTrue(refined.allowsTogether(AspectRatio.parse("16:9"), Resolution.FOUR_K));
    }

    @Test
    void the_builder_defaults_deny_everything_optional() {
        ModelCapabilities c = ModelCapabilities.builder().build();

        assertEquals(Set.of(), c.aspectRatios());
        assertEquals(Set.of(), c.resolutions());
        assertEquals(Set.of(), c.outputFormats());
        assertEquals(List.of(), c.forbiddenCombinations());
        assertEquals(1, c.maxImages());
        assertFalse(c.negativePrompt());
        assertFalse(c.seed());
        assertFalse(c.references().accepted());
    }

    @Test
    void lists_allowed_values_in_declaration_order() {
        assertEquals(List.of(AspectRatio.AUTO, AspectRatio.parse("1:1"), AspectRatio.parse("16:9")),
                List.copyOf(gptImage2Like().aspectRatios()));
        assertEquals(List.of(Resolution.ONE_K, Resolution.TWO_K, Resolution.FOUR_K),
                List.copyOf(gptImage2Like().resolutions()));
    }

    @Test
    void refuses_nonsense_limits() {
        assertThrows(IllegalArgumentException.class, () -> ModelCapabilities.builder().maxImages(0).build());
        assertThrows(IllegalArgumentException.class, () -> ModelCapabilities.builder().maxPromptLength(0).build());
        assertThrows(IllegalArgumentException.class, () -> ModelCapabilities.builder().negativePrompt(-1).build());
        assertThrows(IllegalArgumentException.class,
                () -> new CapabilityRefinement(null, null, -1, Map.of()));
    }

    @Test
    void reference_limits_need_a_transport_and_a_byte_limit_when_references_are_taken() {
        assertThrows(IllegalArgumentException.class,
                () -> ReferenceLimits.upTo(3, Set.of(), ReferenceLimits.JPEG_PNG_WEBP, MIB));
        assertThrows(IllegalArgumentException.class,
                () -> ReferenceLimits.upTo(3, Set.of(ReferenceTransport.URL), ReferenceLimits.JPEG_PNG_WEBP, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ReferenceLimits(4, 3, Set.of(ReferenceTransport.URL), Set.of(), MIB));
    }
}
