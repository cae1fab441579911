package dev.imagegen.worker.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantsTest {

    @Test
    void writes_what_instant_to_string_writes() {
        List<Instant> edges = List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.ofEpochSecond(253_402_300_800L),
                Instant.ofEpochSecond(-62_167_219_201L), Instant.MIN, Instant.MAX,
                Instant.parse("2024-02-29T12:00:00.100Z"), Instant.parse("2026-12-06T02:54:27.000001Z"),
                Instant.parse("1969-12-31T23:59:59.000000001Z"), Instant.parse("2100-03-01T00:00:00.120Z"));
        for (Instant instant : edges) {
            assertEquals(instant.toString(), Instants.iso(instant));
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L - 1_000_000, 253_402_300_800L + 1_000_000);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant.toString(), Instants.iso(instant), () -> seconds + "s " + nanos + "ns");
        }
    }

    @Test
    void null_stays_null() {
        assertNull(Instants.iso(null));
    }
}
