package dev.imagegen.core.capability;

import static dev.imagegen.core.Requests.aRequest;
import static dev.imagegen.core.capability.Rules.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.spi.ModelCapabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedRuleTest {

    @Test
    void accepts_a_seed_where_supported() {
        assertEquals(List.of(), Rules.check("seed", aRequest("m").seed(42L).build(),
                ModelCapabilities.builder().seed(true).build()));
    }

    @Test
    void accepts_no_seed_anywhere() {
        assertEquals(List.of(), Rules.check("seed", aRequest("m").build(), ModelCapabilities.builder().build()));
    }

    @Test
    void refuses_a_seed_where_unsupported() {
        assertOnly(Rules.check("seed", aRequest("m").seed(42L).build(), ModelCapabilities.builder().build()),
                "seed", "42", "none (this model does not take a seed)");
    }
}
