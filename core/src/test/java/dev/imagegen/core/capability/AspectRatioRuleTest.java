package dev.imagegen.core.capability;

import static dev.imagegen.core.Requests.aRequest;
import static dev.imagegen.core.capability.Rules.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.spi.ModelCapabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

class AspectRatioRuleTest {

    private static final ModelCapabilities THREE_RATIOS =
            ModelCapabilities.builder().aspectRatios("16:9", "1:1", "auto").build();

    @Test
    void accepts_a_declared_ratio() {
        assertEquals(List.of(), Rules.check("aspect-ratio", aRequest("m").aspectRatio("1:1").build(), THREE_RATIOS));
        assertEquals(List.of(), Rules.check("aspect-ratio", aRequest("m").aspectRatio("auto").build(), THREE_RATIOS));
    }

    @Test
    void accepts_a_request_that_leaves_the_ratio_to_the_model() {
        assertEquals(List.of(), Rules.check("aspect-ratio", aRequest("m").build(), THREE_RATIOS));
    }

    @Test
    void refuses_an_undeclared_ratio_listing_the_allowed_ones_in_order() {
        assertOnly(Rules.check("aspect-ratio", aRequest("m").aspectRatio("7:3").build(), THREE_RATIOS),
                "aspectRatio", "7:3", "16:9, 1:1, auto");
    }

    @Test
    void refuses_an_equivalent_ratio_written_differently() {
        assertOnly(Rules.check("aspect-ratio", aRequest("m").aspectRatio("32:18").build(), THREE_RATIOS),
                "aspectRatio", "32:18", "16:9, 1:1, auto");
    }

    @Test
    void refuses_any_ratio_when_the_model_declares_none() {
        assertOnly(Rules.check("aspect-ratio", aRequest("m").aspectRatio("1:1").build(),
                ModelCapabilities.builder().build()), "aspectRatio", "1:1", "none");
    }
}
