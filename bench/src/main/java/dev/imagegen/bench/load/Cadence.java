package dev.imagegen.bench.load;

import dev.imagegen.core.policy.PollPolicy;
import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.Durations;
import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.spi.TaskSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A provider's polling cadence as the worker is configured (the adapter's defaults, or the environment's
 * overrides), and the fewest status calls it allows: how many calls a client that follows the cadence exactly
 * (first call after {@code POLL_INITIAL_DELAY}, then {@code POLL_INTERVAL} doubling to {@code POLL_MAX_INTERVAL},
 * no jitter, no ETA) makes until it sees a task that finished after a given time.
 */
record Cadence(Duration initialDelay, Duration interval, Duration maxInterval) {

    static Cadence of(String provider, Map<String, String> env, ProviderRegistry registry) {
        String prefix = provider.toUpperCase(Locale.ROOT) + "_";
        return new Cadence(value(prefix + "POLL_INITIAL_DELAY", env, registry),
                value(prefix + "POLL_INTERVAL", env, registry), value(prefix + "POLL_MAX_INTERVAL", env, registry));
    }

    private static Duration value(String name, Map<String, String> env, ProviderRegistry registry) {
        String text = env.get(name);
        if (text == null) {
            text = registry.configKeys().stream().filter(k -> k.name().equals(name)).findFirst()
                    .flatMap(ConfigKey::defaultIfAny)
                    .orElseThrow(() -> new IllegalStateException("no default for " + name));
        }
        return Durations.parse(text);
    }

    /** Status calls of the exact cadence up to and including the first at or after {@code finishedAfter}. */
    int fewestCalls(Duration finishedAfter) {
        PollPolicy policy = new PollPolicy(new TaskSettings(initialDelay, interval, maxInterval, Duration.ofDays(1),
                1, 1));
        Duration at = policy.delay(0, PollHint.NONE, 0.5);
        int calls = 1;
        while (at.compareTo(finishedAfter) < 0) {
            at = at.plus(policy.delay(calls, PollHint.NONE, 0.5));
            calls++;
        }
        return calls;
    }

    @Override
    public String toString() {
        return "first " + Durations.format(initialDelay) + ", then " + Durations.format(interval) + " doubling to "
                + Durations.format(maxInterval);
    }
}
