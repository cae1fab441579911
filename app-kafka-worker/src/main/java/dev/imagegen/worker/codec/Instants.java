package dev.imagegen.worker.codec;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()}'s text (ISO-8601 in UTC, the fraction in groups of three digits as needed), written
 * without {@link java.time.format.DateTimeFormatter} (the date from {@link LocalDate#ofEpochDay}): every event and
 * task-state record carries several instants, and the formatter's builders were a tenth of what the loop thread
 * allocated. Years outside 0000-9999 go through {@link Instant#toString()} itself.
 */
final class Instants {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private Instants() {
    }

    /** Exactly {@code instant.toString()}; null for null. */
    static String iso(Instant instant) {
        if (instant == null) {
            return null;
        }
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        char[] text = new char[30];
        int at = digits(text, 0, date.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, date.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, date.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, secondOfDay / 3600, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay / 60 % 60, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            text[at++] = '.';
            if (nanos % 1_000_000 == 0) {
                at = digits(text, at, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                at = digits(text, at, nanos / 1000, 6);
            } else {
                at = digits(text, at, nanos, 9);
            }
        }
        text[at++] = 'Z';
        return new String(text, 0, at);
    }

    /** Writes {@code value} as exactly {@code width} decimal digits (zero-padded); returns the next index. */
    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
