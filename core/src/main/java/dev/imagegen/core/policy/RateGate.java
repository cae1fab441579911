package dev.imagegen.core.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * A client-side cap on calls per second (the generic cell rate algorithm): each call reserves the earliest instant
 * it may go, so that excess calls wait instead of failing. Up to one second's worth of calls may go at once.
 *
 * <p>Not thread-safe: one owner (the core's scheduler thread) reserves.
 */
public final class RateGate {

    private final long intervalNanos;
    private final long toleranceNanos;
    private Instant theoreticalArrival = Instant.MIN;

    /** @param perSecond calls allowed per second, at least 1 */
    public RateGate(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1");
        }
        intervalNanos = 1_000_000_000L / perSecond;
        toleranceNanos = intervalNanos * (perSecond - 1);
    }

    /** When a call asked for at {@code now} could go ({@code now} or later), without reserving anything. */
    public Instant opensAt(Instant now) {
        Instant tat = theoreticalArrival.isAfter(now) ? theoreticalArrival : now;
        Instant allowedAt = tat.minusNanos(toleranceNanos);
        return allowedAt.isAfter(now) ? allowedAt : now;
    }

    /** Reserves a slot for one call asked for at {@code now}; returns when it may go ({@code now} or later). */
    public Instant reserve(Instant now) {
        Instant allowedAt = opensAt(now);
        Instant tat = theoreticalArrival.isAfter(now) ? theoreticalArrival : now;
        theoreticalArrival = tat.plus(Duration.ofNanos(intervalNanos));
        return allowedAt;
    }
}
