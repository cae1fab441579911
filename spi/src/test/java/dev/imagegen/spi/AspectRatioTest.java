package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AspectRatioTest {

    @ParameterizedTest
    @ValueSource(strings = {"1:1", "16:9", "9:16", "21:9", "32:18", "9999:1", "auto"})
    void formats_back_to_what_was_parsed(String text) {
        assertEquals(text, AspectRatio.parse(text).toString());
    }

    @Test
    void parses_width_and_height_as_written() {
        AspectRatio ratio = AspectRatio.parse("16:9");

        assertEquals(16, ratio.width());
        assertEquals(9, ratio.height());
        assertEquals(16.0 / 9, ratio.ratio(), 1e-9);
    }

    @Test
    void keeps_equivalent_ratios_apart_as_vendors_do() {
        assertNotEquals(AspectRatio.parse("16:9"), AspectRatio.parse("32:18"));
    }

    @Test
    void reads_auto_as_the_auto_constant() {
        assertSame(AspectRatio.AUTO, AspectRatio.parse("auto"));
        assertTrue(AspectRatio.AUTO.isAuto());
        assertEquals(AspectRatio.AUTO, AspectRatio.of(0, 0));
        assertEquals(1.0, AspectRatio.AUTO.ratio());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "16x9", "16:9 ", " 16:9", "0:1", "1:0", "-1:1", "1.5:1", "10000:1", "1:1:1",
            "AUTO", "Auto", "16:", ":9", "a:b", "01:1"})
    void rejects_malformed_text_naming_the_value(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AspectRatio.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("auto"), e.getMessage());
    }

    @Test
    void rejects_null_text() {
        assertThrows(NullPointerException.class, () -> AspectRatio.parse(null));
    }

    @Test
    void rejects_parts_out_of_range_when_built_directly() {
        assertThrows(IllegalArgumentException.class, () -> AspectRatio.of(0, 9));
        assertThrows(IllegalArgumentException.class, () -> AspectRatio.of(16, 0));
        assertThrows(IllegalArgumentException.class, () -> AspectRatio.of(-16, -9));
        assertThrows(IllegalArgumentException.class, () -> AspectRatio.of(10_000, 1));
    }
}
