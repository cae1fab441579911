package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResolutionTest {

    @ParameterizedTest
    @EnumSource(Resolution.class)
    void formats_back_to_what_was_parsed(Resolution resolution) {
        assertEquals(resolution, Resolution.parse(resolution.toString()));
        assertEquals(resolution.label(), resolution.toString());
    }

    @Test
    void reads_labels_case_insensitively() {
        assertEquals(Resolution.ONE_K, Resolution.parse("1k"));
        assertEquals(Resolution.TWO_K, Resolution.parse("2K"));
        assertEquals(Resolution.FOUR_K, Resolution.parse("4k"));
    }

    @Test
    void names_the_nominal_side() {
        assertEquals(1024, Resolution.ONE_K.nominalSide());
        assertEquals(2048, Resolution.TWO_K.nominalSide());
        assertEquals(4096, Resolution.FOUR_K.nominalSide());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3K", "8K", "1024", "1 K", "K", "ONE_K"})
    void rejects_unknown_resolutions_naming_value_and_allowed(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Resolution.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("1K, 2K, 4K"), e.getMessage());
    }

    @Test
    void rejects_null() {
        assertThrows(IllegalArgumentException.class, () -> Resolution.parse(null));
    }
}
