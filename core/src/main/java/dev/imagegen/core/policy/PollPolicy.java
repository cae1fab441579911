package dev.imagegen.core.policy;

import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.TaskSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When to ask a vendor about a task next: a pure function of the provider's {@link TaskSettings}, the calls made
 * so far, the vendor's hint, the deadline and a jitter value. Immutable and thread-safe.
 *
 * <ul>
 *   <li>First call: {@code pollInitialDelay} after the vendor accepted the task, or the vendor's ETA if that is
 *       later (never past the task timeout).</li>
 *   <li>Later calls: {@code pollInterval}, doubling per call up to {@code pollMaxInterval}; a vendor's
 *       {@code retryAfter} hint replaces that, clamped to {@code [pollInterval, pollMaxInterval]}.</li>
 *   <li>Jitter spreads later calls by up to ±10% (within the same bounds), so that tasks submitted together do
 *       not poll together.</li>
 *   <li>The deadline is the earlier of the request's deadline and the vendor acceptance plus {@code taskTimeout};
 *       the engine schedules no status call past it.</li>
 * </ul>
 */
public final class PollPolicy {

    private final TaskSettings settings;

    public PollPolicy(TaskSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public TaskSettings settings() {
        return settings;
    }

    /**
     * The wait before the next status call.
     *
     * @param pollsDone status calls already made for this task
     * @param hint      the vendor's latest hint
     * @param jitter    a value in {@code [0, 1)}; 0.5 means no jitter
     */
    public Duration delay(int pollsDone, PollHint hint, double jitter) {
        if (pollsDone == 0) {
            Duration eta = hint.etaIfKnown().orElse(Duration.ZERO);
            Duration first = eta.compareTo(settings.pollInitialDelay()) > 0 ? eta : settings.pollInitialDelay();
            return min(first, settings.taskTimeout());
        }
        Duration base = hint.retryAfterIfKnown().map(this::withinIntervals).orElseGet(() -> backoff(pollsDone));
        long jittered = Math.round(base.toMillis() * (0.9 + 0.2 * jitter));
        return withinIntervals(Duration.ofMillis(jittered));
    }

    /**
     * A slower cadence for tasks whose vendor reports by callback: polling only backs the callback up. The first
     * call comes as usual; later ones every {@code pollMaxInterval}, but never more often than the provider's
     * {@link TaskSettings#callbackSafetyNetInterval()}, so that polling does not spend the rate budget the callbacks'
     * own follow-up polls need.
     */
    public Duration safetyNetDelay(int pollsDone, PollHint hint, double jitter) {
        Duration regular = delay(pollsDone, hint, jitter);
        if (pollsDone == 0) {
            return regular;
        }
        Duration longest = settings.pollMaxInterval();
        Duration safetyNet = settings.callbackSafetyNetInterval();
        return longest.compareTo(safetyNet) >= 0 ? longest : safetyNet;
    }

    /** The earlier of the request's own deadline (may be null) and acceptance plus the task timeout. */
    public Instant deadline(Instant acceptedAt, Instant requestDeadline) {
        Instant timeout = acceptedAt.plus(settings.taskTimeout());
        return requestDeadline != null && requestDeadline.isBefore(timeout) ? requestDeadline : timeout;
    }

    private Duration backoff(int pollsDone) {
        long factor = 1L << Math.min(pollsDone - 1, 20);
        Duration doubled = settings.pollInterval().multipliedBy(factor);
        return min(doubled, settings.pollMaxInterval());
    }

    private Duration withinIntervals(Duration value) {
        if (value.compareTo(settings.pollInterval()) < 0) {
            return settings.pollInterval();
        }
        return min(value, settings.pollMaxInterval());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
