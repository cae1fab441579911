package dev.imagegen.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * What a vendor suggested about when to ask again. The core honours it within its configured bounds.
 * Immutable and thread-safe.
 *
 * @param retryAfter how long to wait before the next status call (such as {@code recommended_poll_interval_ms}),
 *                   or null
 * @param eta        how long the vendor expects the task to take from now, or null
 */
public record PollHint(Duration retryAfter, Duration eta) {

    /** No hint. */
    public static final PollHint NONE = new PollHint(null, null);

    public PollHint {
        if ((retryAfter != null && retryAfter.isNegative()) || (eta != null && eta.isNegative())) {
            throw new IllegalArgumentException("poll hints must not be negative");
        }
    }

    public static PollHint retryAfter(Duration value) {
        return new PollHint(value, null);
    }

    public static PollHint eta(Duration value) {
        return new PollHint(null, value);
    }

    public Optional<Duration> retryAfterIfKnown() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<Duration> etaIfKnown() {
        return Optional.ofNullable(eta);
    }
}
