package dev.imagegen.core.capability;

import static dev.imagegen.core.Requests.aRequest;
import static dev.imagegen.core.capability.Rules.assertOnly;
import static dev.imagegen.spi.Resolution.FOUR_K;
import static dev.imagegen.spi.Resolution.ONE_K;
import static dev.imagegen.spi.Resolution.TWO_K;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.spi.ModelCapabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatioWithResolutionRuleTest {

    /** gpt-image-2's shape: auto only at 1K, 1:1 not at 4K. */
    private static final ModelCapabilities COMBINATIONS = ModelCapabilities.builder()
            .aspectRatios("auto", "1:1", "16:9").resolutions(ONE_K, TWO_K, FOUR_K)
            .forbid("auto", TWO_K).forbid("auto", FOUR_K).forbid("1:1", FOUR_K).build();

    @Test
    void accepts_allowed_pairs() {
        assertEquals(List.of(), Rules.check("ratio-with-resolution",
                aRequest("m").aspectRatio("auto").resolution("1K").build(), COMBINATIONS));
        assertEquals(List.of(), Rules.check("ratio-with-resolution",
                aRequest("m").aspectRatio("1:1").resolution("2K").build(), COMBINATIONS));
        assertEquals(List.of(), Rules.check("ratio-with-resolution",
                aRequest("m").aspectRatio("16:9").resolution("4K").build(), COMBINATIONS));
    }

    @Test
    void accepts_either_half_alone() {
        assertEquals(List.of(), Rules.check("ratio-with-resolution", aRequest("m").aspectRatio("auto").build(),
                COMBINATIONS));
        assertEquals(List.of(), Rules.check("ratio-with-resolution", aRequest("m").resolution("4K").build(),
                COMBINATIONS));
    }

    @Test
    void refuses_a_forbidden_pair_naming_the_resolutions_that_go_with_the_ratio() {
        assertOnly(Rules.check("ratio-with-resolution", aRequest("m").aspectRatio("auto").resolution("4K").build(),
                COMBINATIONS), "resolution", "4K", "with aspectRatio auto: 1K");
        assertOnly(Rules.check("ratio-with-resolution", aRequest("m").aspectRatio("1:1").resolution("4K").build(),
                COMBINATIONS), "resolution", "4K", "with aspectRatio 1:1: 1K, 2K");
    }

    @Test
    void says_none_when_no_resolution_goes_with_the_ratio() {
        ModelCapabilities nothingWithAuto = ModelCapabilities.builder().aspectRatios("auto").resolutions(ONE_K)
                .forbid("auto", ONE_K).build();

        assertOnly(Rules.check("ratio-with-resolution", aRequest("m").aspectRatio("auto").resolution("1K").build(),
                nothingWithAuto), "resolution", "1K", "with aspectRatio auto: none");
    }
}
