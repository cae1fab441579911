package dev.imagegen.core.capability;

import static dev.imagegen.core.Requests.aRequest;
import static dev.imagegen.core.capability.Rules.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.Resolution;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolutionRuleTest {

    private static final ModelCapabilities TWO_AND_FOUR_K =
            ModelCapabilities.builder().resolutions(Resolution.FOUR_K, Resolution.TWO_K).build();

    @Test
    void accepts_a_declared_resolution_or_none() {
        assertEquals(List.of(), Rules.check("resolution", aRequest("m").resolution("2K").build(), TWO_AND_FOUR_K));
        assertEquals(List.of(), Rules.check("resolution", aRequest("m").build(), TWO_AND_FOUR_K));
    }

    @Test
    void refuses_an_undeclared_resolution_listing_the_allowed_ones_smallest_first() {
        assertOnly(Rules.check("resolution", aRequest("m").resolution("1K").build(), TWO_AND_FOUR_K),
                "resolution", "1K", "2K, 4K");
    }

    @Test
    void refuses_any_resolution_when_the_model_declares_none() {
        assertOnly(Rules.check("resolution", aRequest("m").resolution("1K").build(),
                ModelCapabilities.builder().build()), "resolution", "1K", "none");
    }
}
