package dev.imagegen.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 section 10.2.3): delay seconds ({@code 120}) or an HTTP-date
 * ({@code Sun, 22 Nov 2026 09:00:00 GMT}). The one parser every adapter uses. Stateless and thread-safe.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * The wait the header asks for: never negative (a date in the past means now); empty when the header is absent,
     * blank, negative or unreadable.
     *
     * @param header the header's value, may be null
     * @param clock  the clock an HTTP-date is measured from
     */
    public static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException | ArithmeticException tooLarge) {
                return Optional.empty();
            }
        }
        try {
            Duration wait = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
