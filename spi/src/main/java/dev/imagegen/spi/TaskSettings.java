package dev.imagegen.spi;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the core drives one provider's tasks: the polling cadence, the task timeout and the client-side caps. Each
 * provider has defaults from its vendor's own guidance; the environment overrides them with the
 * {@code <P>_POLL_INITIAL_DELAY}, {@code <P>_POLL_INTERVAL}, {@code <P>_POLL_MAX_INTERVAL}, {@code <P>_TASK_TIMEOUT},
 * {@code <P>_MAX_IN_FLIGHT} and {@code <P>_MAX_REQUESTS_PER_SECOND} keys ({@code <P>} is the provider id in upper
 * case).
 *
 * <p>Cadence: the first status call comes {@code pollInitialDelay} after the vendor accepted the task (or after
 * the vendor's ETA, within bounds); later calls start at {@code pollInterval} and double up to
 * {@code pollMaxInterval}. A vendor's hint is honoured within {@code [pollInterval, pollMaxInterval]}.
 * Immutable and thread-safe.
 *
 * @param pollInitialDelay     wait before the first status call, positive
 * @param pollInterval         the shortest wait between status calls, positive
 * @param pollMaxInterval      the longest wait between status calls, at least {@code pollInterval}
 * @param taskTimeout          how long a task may run before it ends with {@link ErrorCode#TIMEOUT}
 * @param maxInFlight          how many tasks may be open with this vendor at once; more wait
 * @param maxRequestsPerSecond how many vendor calls (submits and polls) per second; more wait
 * @param callbackSafetyNetInterval the shortest wait between the status calls that back up a task the vendor
 *                                  reports by callback (a vendor fact, such as when it retries a lost callback);
 *                                  positive; the engine waits at least {@code pollMaxInterval} in any case
 */
public record TaskSettings(Duration pollInitialDelay, Duration pollInterval, Duration pollMaxInterval,
                           Duration taskTimeout, int maxInFlight, int maxRequestsPerSecond,
                           Duration callbackSafetyNetInterval) {

    public TaskSettings {
        requirePositive(callbackSafetyNetInterval, "callbackSafetyNetInterval");
        requirePositive(pollInitialDelay, "pollInitialDelay");
        requirePositive(pollInterval, "pollInterval");
        requirePositive(pollMaxInterval, "pollMaxInterval");
        requirePositive(taskTimeout, "taskTimeout");
        if (pollMaxInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("pollMaxInterval " + pollMaxInterval + " is below pollInterval "
                    + pollInterval);
        }
        if (maxInFlight < 1 || maxRequestsPerSecond < 1) {
            throw new IllegalArgumentException("caps must be at least 1");
        }
    }

    /** Settings of a provider without callbacks: its safety net, should it ever have one, is its longest wait. */
    public TaskSettings(Duration pollInitialDelay, Duration pollInterval, Duration pollMaxInterval,
                        Duration taskTimeout, int maxInFlight, int maxRequestsPerSecond) {
        this(pollInitialDelay, pollInterval, pollMaxInterval, taskTimeout, maxInFlight, maxRequestsPerSecond,
                pollMaxInterval);
    }

    /** These settings with another callback safety-net interval. */
    public TaskSettings withCallbackSafetyNetInterval(Duration value) {
        return new TaskSettings(pollInitialDelay, pollInterval, pollMaxInterval, taskTimeout, maxInFlight,
                maxRequestsPerSecond, value);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** The six keys of a provider, documented, with these settings as their defaults. */
    public List<ConfigKey> configKeys(ProviderId provider) {
        String p = prefix(provider);
        return List.of(
                ConfigKey.of(p + "POLL_INITIAL_DELAY", Durations.format(pollInitialDelay),
                        "wait before the first status call of a task (a vendor ETA is honoured within the bounds)"),
                ConfigKey.of(p + "POLL_INTERVAL", Durations.format(pollInterval),
                        "shortest wait between status calls; waits double from here"),
                ConfigKey.of(p + "POLL_MAX_INTERVAL", Durations.format(pollMaxInterval),
                        "longest wait between status calls; vendor hints are honoured up to this"),
                ConfigKey.of(p + "TASK_TIMEOUT", Durations.format(taskTimeout),
                        "a task still running after this ends FAILED with TIMEOUT"),
                ConfigKey.of(p + "MAX_IN_FLIGHT", Integer.toString(maxInFlight),
                        "client-side cap on open tasks with this vendor; more wait, they are not failed"),
                ConfigKey.of(p + "MAX_REQUESTS_PER_SECOND", Integer.toString(maxRequestsPerSecond),
                        "client-side cap on calls to this vendor per second; more wait, they are not failed"));
    }

    /**
     * These settings overridden by whatever the configuration sets.
     *
     * @throws ConfigException naming a malformed key
     */
    public TaskSettings read(ProviderConfig config, ProviderId provider) {
        List<ConfigKey> keys = configKeys(provider);
        Duration interval = config.duration(keys.get(1));
        Duration maxInterval = config.duration(keys.get(2));
        if (maxInterval.compareTo(interval) < 0) {
            throw new ConfigException(keys.get(2).name(), "must not be shorter than " + keys.get(1).name());
        }
        return new TaskSettings(config.duration(keys.get(0)), interval, maxInterval, config.duration(keys.get(3)),
                config.integer(keys.get(4), 1, 1_000_000), config.integer(keys.get(5), 1, 1_000_000),
                callbackSafetyNetInterval);
    }

    private static String prefix(ProviderId provider) {
        return provider.value().toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }
}
