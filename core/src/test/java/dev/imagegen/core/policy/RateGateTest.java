package dev.imagegen.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateGateTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void lets_n_calls_per_second_pass_at_once() {
        RateGate gate = new RateGate(5);

        for (int i = 0; i < 5; i++) {
            assertEquals(T0, gate.reserve(T0), "call " + i);
        }
    }

    @Test
    void the_next_call_waits_one_interval_and_the_one_after_two() {
        RateGate gate = new RateGate(5);
        for (int i = 0; i < 5; i++) {
            gate.reserve(T0);
        }

        assertEquals(T0.plusMillis(200), gate.reserve(T0));
        assertEquals(T0.plusMillis(400), gate.reserve(T0));
    }

    @Test
    void one_per_second_makes_the_second_call_wait_a_second() {
        RateGate gate = new RateGate(1);

        assertEquals(T0, gate.reserve(T0));
        assertEquals(T0.plusSeconds(1), gate.reserve(T0));
        assertEquals(T0.plusSeconds(2), gate.reserve(T0.plusMillis(500)));
    }

    @Test
    void a_full_burst_is_available_again_after_a_second() {
        RateGate gate = new RateGate(5);
        for (int i = 0; i < 5; i++) {
            gate.reserve(T0);
        }
        Instant later = T0.plusSeconds(1);

        for (int i = 0; i < 5; i++) {
            assertEquals(later, gate.reserve(later), "call " + i);
        }
        assertEquals(later.plusMillis(200), gate.reserve(later));
    }

    @Test
    void calls_at_the_steady_rate_never_wait() {
        RateGate gate = new RateGate(10);

        for (int i = 0; i < 100; i++) {
            Instant at = T0.plusMillis(100L * i);
            assertEquals(at, gate.reserve(at), "call " + i);
        }
    }

    @Test
    void idle_time_does_not_bank_more_than_one_second_of_calls() {
        RateGate gate = new RateGate(2);
        Instant muchLater = T0.plusSeconds(3600);
        gate.reserve(T0);

        assertEquals(muchLater, gate.reserve(muchLater));
        assertEquals(muchLater, gate.reserve(muchLater));
        assertEquals(muchLater.plusMillis(500), gate.reserve(muchLater));
    }

    @Test
    void refuses_a_rate_below_one() {
        assertThrows(IllegalArgumentException.class, () -> new RateGate(0));
    }
}
