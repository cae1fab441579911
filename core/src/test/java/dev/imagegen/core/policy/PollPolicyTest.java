package dev.imagegen.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.TaskSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Apixo's cadence (seed 004): first poll after 20 s, then every 3 s, here doubling to 30 s, 5 minutes at most. */
class PollPolicyTest {

    private static final double NO_JITTER = 0.5;
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final TaskSettings APIXO_LIKE = new TaskSettings(Duration.ofSeconds(20), Duration.ofSeconds(3),
            Duration.ofSeconds(30), Duration.ofMinutes(5), 1000, 100);

    private final PollPolicy policy = new PollPolicy(APIXO_LIKE);

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    // --- the first poll

    @Test
    void first_poll_waits_the_initial_delay_without_a_hint() {
        assertEquals(s(20), policy.delay(0, PollHint.NONE, NO_JITTER));
    }

    @Test
    void first_poll_waits_for_a_later_eta() {
        assertEquals(s(45), policy.delay(0, PollHint.eta(s(45)), NO_JITTER));
    }

    @Test
    void first_poll_never_comes_before_the_initial_delay() {
        assertEquals(s(20), policy.delay(0, PollHint.eta(s(5)), NO_JITTER));
    }

    @Test
    void first_poll_is_capped_by_the_task_timeout() {
        assertEquals(Duration.ofMinutes(5), policy.delay(0, PollHint.eta(Duration.ofMinutes(9)), NO_JITTER));
        PollPolicy slowStart = new PollPolicy(new TaskSettings(s(60), s(3), s(30), s(40), 1, 1));
        assertEquals(s(40), slowStart.delay(0, PollHint.NONE, NO_JITTER));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.25, 0.999})
    void first_poll_is_not_jittered(double jitter) {
        assertEquals(s(20), policy.delay(0, PollHint.NONE, jitter));
    }

    @Test
    void first_poll_ignores_a_retry_after_hint() {
        assertEquals(s(20), policy.delay(0, PollHint.retryAfter(s(1)), NO_JITTER));
    }

    // --- later polls

    @ParameterizedTest
    @CsvSource({"1, 3", "2, 6", "3, 12", "4, 24", "5, 30", "6, 30", "50, 30", "100000, 30"})
    void later_polls_double_from_the_interval_up_to_the_maximum(int pollsDone, long seconds) {
        assertEquals(s(seconds), policy.delay(pollsDone, PollHint.NONE, NO_JITTER));
    }

    @ParameterizedTest
    @CsvSource({"1, 10, 10", "4, 10, 10", "1, 1, 3", "1, 0, 3", "1, 120, 30"})
    void a_retry_after_hint_replaces_the_backoff_clamped_to_the_intervals(int pollsDone, long hint, long seconds) {
        assertEquals(s(seconds), policy.delay(pollsDone, PollHint.retryAfter(s(hint)), NO_JITTER));
    }

    @Test
    void a_millisecond_hint_is_honoured_exactly() {
        assertEquals(Duration.ofMillis(4500), policy.delay(3, PollHint.retryAfter(Duration.ofMillis(4500)),
                NO_JITTER));
    }

    @Test
    void an_eta_is_ignored_after_the_first_poll() {
        assertEquals(s(6), policy.delay(2, PollHint.eta(s(90)), NO_JITTER));
    }

    // --- jitter

    @Test
    void jitter_spreads_a_wait_by_ten_percent_either_way() {
        assertEquals(Duration.ofMillis(10_800), policy.delay(3, PollHint.NONE, 0.0));
        assertEquals(Duration.ofMillis(12_600), policy.delay(3, PollHint.NONE, 0.75));
        assertEquals(Duration.ofMillis(13_198), policy.delay(3, PollHint.NONE, 0.999));
    }

    @Test
    void jitter_never_goes_below_the_interval_nor_above_the_maximum() {
        assertEquals(s(3), policy.delay(1, PollHint.NONE, 0.0));
        assertEquals(s(30), policy.delay(10, PollHint.NONE, 0.999));
        assertEquals(s(3), policy.delay(1, PollHint.retryAfter(s(3)), 0.0));
    }

    @Test
    void every_jittered_wait_stays_within_bounds() {
        for (int polls = 1; polls <= 12; polls++) {
            long plain = policy.delay(polls, PollHint.NONE, NO_JITTER).toMillis();
            for (double jitter = 0.0; jitter < 1.0; jitter += 0.01) {
                long ms = policy.delay(polls, PollHint.NONE, jitter).toMillis();
                assertTrue(ms >= 3_000 && ms <= 30_000, polls + "/" + jitter + ": " + ms);
                assertTrue(ms >= Math.round(plain * 0.9) - 1 && ms <= Math.round(plain * 1.1) + 1,
                        polls + "/" + jitter + ": " + ms + " vs " + plain);
            }
        }
    }

    // --- deadline

    @Test
    void the_deadline_is_acceptance_plus_timeout_without_a_request_deadline() {
        assertEquals(T0.plus(Duration.ofMinutes(5)), policy.deadline(T0, null));
    }

    @Test
    void the_deadline_is_the_earlier_of_request_deadline_and_timeout() {
        assertEquals(T0.plusSeconds(60), policy.deadline(T0, T0.plusSeconds(60)));
        assertEquals(T0.plus(Duration.ofMinutes(5)), policy.deadline(T0, T0.plus(Duration.ofHours(1))));
    }

    // --- callback-backed tasks

    @Test
    void a_callback_task_polls_first_as_usual_then_at_the_maximum_interval() {
        assertEquals(s(20), policy.safetyNetDelay(0, PollHint.NONE, NO_JITTER));
        assertEquals(s(30), policy.safetyNetDelay(1, PollHint.NONE, 0.0));
        assertEquals(s(30), policy.safetyNetDelay(7, PollHint.retryAfter(s(5)), NO_JITTER));
    }

    @Test
    void a_callback_task_with_a_brisk_cadence_still_polls_only_every_30_seconds() {
        PollPolicy brisk = new PollPolicy(new TaskSettings(s(20), s(3), s(3), Duration.ofMinutes(5), 1000, 166,
                s(30)));
        assertEquals(s(20), brisk.safetyNetDelay(0, PollHint.NONE, NO_JITTER));
        assertEquals(s(3), brisk.delay(1, PollHint.NONE, NO_JITTER), "without callbacks: every 3 s");
        assertEquals(s(30), brisk.safetyNetDelay(1, PollHint.NONE, NO_JITTER));
        assertEquals(s(30), brisk.safetyNetDelay(5, PollHint.NONE, 0.99));
    }

    @Test
    void the_safety_net_cadence_is_the_providers_and_defaults_to_the_longest_wait() {
        TaskSettings plain = new TaskSettings(s(20), s(3), s(5), Duration.ofMinutes(5), 1000, 166);
        assertEquals(s(5), new PollPolicy(plain).safetyNetDelay(3, PollHint.NONE, NO_JITTER));
        assertEquals(s(45), new PollPolicy(plain.withCallbackSafetyNetInterval(s(45)))
                .safetyNetDelay(3, PollHint.NONE, NO_JITTER));
    }
}
