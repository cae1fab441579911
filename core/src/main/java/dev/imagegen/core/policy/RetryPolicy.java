package dev.imagegen.core.policy;

import dev.imagegen.spi.ErrorCode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The retry budget for vendor calls that failed with a {@linkplain ErrorCode#retryable() retryable} code (429,
 * 5xx, connection failures): a pure function of the failures so far, the code, the vendor's {@code Retry-After}
 * and a jitter value. Immutable and thread-safe.
 *
 * <p>Waits grow as {@code baseDelay × 2^retries} with jitter (50-100% of that), capped at {@code maxDelay}. A
 * vendor's {@code Retry-After} is honoured exactly; one longer than {@code maxDelay} ends the budget (the caller
 * may then fall back to another provider rather than wait that long).
 *
 * @param maxRetries how many times one call may be repeated, 0 or more
 * @param baseDelay  the first wait, positive
 * @param maxDelay   the longest wait, at least {@code baseDelay}
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay) {

    /** Three retries, waiting about 1, 2 and 4 seconds, at most 30 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** No retries. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1));

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxRetries < 0 || baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("retry policy needs maxRetries >= 0 and 0 < baseDelay <= maxDelay");
        }
    }

    /**
     * How long to wait before repeating a call, or empty when it must not be repeated.
     *
     * @param retriesDone how often this call was repeated already
     * @param code        what the last try failed with
     * @param retryAfter  the vendor's requested wait, if it named one
     * @param jitter      a value in {@code [0, 1)}
     */
    public Optional<Duration> delay(int retriesDone, ErrorCode code, Optional<Duration> retryAfter, double jitter) {
        if (!code.retryable() || retriesDone >= maxRetries) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(maxDelay) <= 0 ? retryAfter : Optional.empty();
        }
        long exponential = baseDelay.toMillis() << Math.min(retriesDone, 20);
        long jittered = Math.round(exponential * (0.5 + 0.5 * jitter));
        return Optional.of(Duration.ofMillis(Math.max(1, Math.min(jittered, maxDelay.toMillis()))));
    }
}
