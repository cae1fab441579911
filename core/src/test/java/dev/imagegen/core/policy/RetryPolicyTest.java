package dev.imagegen.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.ErrorCode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RetryPolicyTest {

    private static final Optional<Duration> NO_HINT = Optional.empty();
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

    private static Optional<Duration> ms(long millis) {
        return Optional.of(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0.0, 500", "1, 0.0, 1000", "2, 0.0, 2000",
            "0, 0.5, 750", "1, 0.5, 1500", "2, 0.5, 3000",
            "0, 0.999999, 1000", "1, 0.999999, 2000", "2, 0.999999, 4000"})
    void waits_double_per_retry_with_jitter_between_half_and_all(int retriesDone, double jitter, long millis) {
        assertEquals(ms(millis), policy.delay(retriesDone, ErrorCode.RATE_LIMITED, NO_HINT, jitter));
    }

    @Test
    void every_jittered_wait_is_between_half_and_all_of_the_doubled_base() {
        for (int retries = 0; retries < 3; retries++) {
            long full = 1000L << retries;
            for (double jitter = 0.0; jitter < 1.0; jitter += 0.01) {
                long wait = policy.delay(retries, ErrorCode.PROVIDER_UNAVAILABLE, NO_HINT, jitter).orElseThrow()
                        .toMillis();
                assertTrue(wait >= full / 2 && wait <= full, retries + "/" + jitter + ": " + wait);
            }
        }
    }

    @Test
    void waits_are_capped_at_the_maximum() {
        RetryPolicy many = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertEquals(ms(5000), many.delay(5, ErrorCode.RATE_LIMITED, NO_HINT, 0.0));
        assertEquals(ms(5000), many.delay(9, ErrorCode.RATE_LIMITED, NO_HINT, 0.999));
    }

    @Test
    void the_budget_ends_after_max_retries() {
        assertEquals(Optional.empty(), policy.delay(3, ErrorCode.RATE_LIMITED, NO_HINT, 0.5));
        assertEquals(Optional.empty(), policy.delay(4, ErrorCode.PROVIDER_UNAVAILABLE, ms(10), 0.5));
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"RATE_LIMITED", "PROVIDER_UNAVAILABLE"},
            mode = EnumSource.Mode.EXCLUDE)
    void never_retries_a_non_retryable_code(ErrorCode code) {
        assertEquals(Optional.empty(), policy.delay(0, code, NO_HINT, 0.5));
        assertEquals(Optional.empty(), policy.delay(0, code, ms(100), 0.5));
    }

    @Test
    void honours_retry_after_exactly_whatever_the_jitter() {
        for (double jitter : new double[] {0.0, 0.5, 0.999}) {
            assertEquals(ms(7000), policy.delay(0, ErrorCode.RATE_LIMITED, ms(7000), jitter));
            assertEquals(ms(250), policy.delay(2, ErrorCode.RATE_LIMITED, ms(250), jitter));
        }
    }

    @Test
    void honours_a_retry_after_of_exactly_the_maximum() {
        assertEquals(ms(30_000), policy.delay(0, ErrorCode.RATE_LIMITED, ms(30_000), 0.5));
    }

    @Test
    void a_retry_after_over_the_maximum_ends_the_budget() {
        assertEquals(Optional.empty(), policy.delay(0, ErrorCode.RATE_LIMITED, ms(30_001), 0.5));
    }

    @Test
    void no_retries_never_retries() {
        Arrays.stream(ErrorCode.values()).forEach(code ->
                assertEquals(Optional.empty(), RetryPolicy.NONE.delay(0, code, NO_HINT, 0.5)));
    }

    @Test
    void the_default_retries_three_times_from_one_second_up_to_thirty() {
        assertEquals(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30)), RetryPolicy.DEFAULT);
    }

    @Test
    void refuses_an_inconsistent_policy() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(-1, Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ofSeconds(2),
                Duration.ofSeconds(1)));
        assertThrows(NullPointerException.class, () -> new RetryPolicy(1, null, Duration.ofSeconds(1)));
    }
}
