package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"250ms, 250", "3s, 3000", "2m, 120000", "1h, 3600000", "7d, 604800000", "0ms, 0", "1500ms, 1500", "90s, 90000"})
    void parses_the_four_units(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @Test
    void ignores_surrounding_blanks() {
        assertEquals(Duration.ofSeconds(3), Durations.parse("  3s "));
    }

    @ParameterizedTest
    @CsvSource({"250, 250ms", "3000, 3s", "120000, 2m", "3600000, 1h", "86400000, 1d", "90000000, 25h", "0, 0ms", "1500, 1500ms", "90000, 90s",
            "7200000, 2h", "5400000, 90m", "3601000, 3601s"})
    void formats_with_the_largest_exact_unit(long millis, String text) {
        assertEquals(text, Durations.format(Duration.ofMillis(millis)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 999, 1000, 1001, 59_000, 60_000, 61_000, 3_599_000, 3_600_000, 86_400_000,
            123_456_789})
    void format_and_parse_round_trip(long millis) {
        Duration d = Duration.ofMillis(millis);
        assertEquals(d, Durations.parse(Durations.format(d)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "s", "3 s", "1.5s", "-1s", "1w", "3S", "PT3S", "3sec", "1234567890ms"})
    void rejects_other_spellings_naming_the_text(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("250ms, 3s, 2m, 1h or 7d"), e.getMessage());
    }

    @Test
    void rejects_null() {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(null));
    }
}
