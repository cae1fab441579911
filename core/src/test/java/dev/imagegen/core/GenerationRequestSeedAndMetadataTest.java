package dev.imagegen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationRequestSeedAndMetadataTest {

    private static GenerationRequest.Builder valid() {
        return GenerationRequest.builder().id("s1").model("wan2.2-t2i-flash").prompt("p");
    }

    @Test
    void rejects_a_negative_seed_and_one_beyond_32_bits() {
        for (long seed : new long[] {-1, 2_147_483_648L}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> valid().seed(seed).build());
            assertEquals("seed", e.violations().get(0).field());
            assertEquals("0 to 2147483647", e.violations().get(0).allowed());
        }
        assertEquals(2_147_483_647L, valid().seed(2_147_483_647L).build().seed());
    }

    @Test
    void reports_null_metadata_values_instead_of_throwing_a_null_pointer() {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("tenant", null);
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> valid().metadata(metadata).build());
        assertEquals("metadata", e.violations().get(0).field());
    }
}
