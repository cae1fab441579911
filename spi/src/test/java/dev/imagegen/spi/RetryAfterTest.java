package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void reads_delay_seconds() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(" 7 ", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", NOW));
    }

    @Test
    void reads_an_http_date_as_the_wait_until_it() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Sun, 22 Nov 2026 09:01:30 GMT", NOW));
    }

    @Test
    void a_date_in_the_past_means_now() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sun, 22 Nov 2026 08:00:00 GMT", NOW));
    }

    @Test
    void absent_negative_or_unreadable_headers_ask_for_nothing() {
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("  ", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("99999999999999999999999", NOW));
    }
}
