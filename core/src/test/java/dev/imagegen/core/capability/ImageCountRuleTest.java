package dev.imagegen.core.capability;

import static dev.imagegen.core.Requests.aRequest;
import static dev.imagegen.core.capability.Rules.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.spi.ModelCapabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageCountRuleTest {

    private static final ModelCapabilities ONE = ModelCapabilities.builder().build();
    private static final ModelCapabilities UP_TO_FOUR = ModelCapabilities.builder().maxImages(4).build();

    @Test
    void accepts_up_to_the_maximum() {
        assertEquals(List.of(), Rules.check("image-count", aRequest("m").build(), ONE));
        assertEquals(List.of(), Rules.check("image-count", aRequest("m").n(4).build(), UP_TO_FOUR));
    }

    @Test
    void refuses_more_than_one_where_only_one_is_allowed() {
        assertOnly(Rules.check("image-count", aRequest("m").n(2).build(), ONE), "n", "2", "1");
    }

    @Test
    void refuses_more_than_the_maximum_naming_the_range() {
        assertOnly(Rules.check("image-count", aRequest("m").n(5).build(), UP_TO_FOUR), "n", "5", "1 to 4");
    }
}
