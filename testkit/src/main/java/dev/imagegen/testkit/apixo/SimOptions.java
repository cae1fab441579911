package dev.imagegen.testkit.apixo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How an {@link ApixoSimulator} behaves: its key, the models it serves, how long tasks stay in each state, and how
 * it delivers callbacks. Immutable; the {@code with...} methods return changed copies.
 *
 * @param apiKey              the only key accepted as {@code Authorization: Bearer <key>}
 * @param models              the model ids of {@code /generateTask/{model}}; others answer 404
 * @param pendingFor          how long a new task reports {@code pending}
 * @param processingFor       how long it then reports {@code processing} before it ends
 * @param callbackRetryDelays the waits before each retry of a callback the receiver did not answer with 200; its
 *                            size is the number of retries (Apixo: up to 3, "with increasing delays")
 * @param callbackTimeout     how long a receiver may take to answer a callback (Apixo: 30 s)
 * @param threads             HTTP server threads
 * @param clock               the clock of {@code createTime}/{@code completeTime} and of task ages
 */
public record SimOptions(String apiKey, Set<String> models, Duration pendingFor, Duration processingFor,
                         List<Duration> callbackRetryDelays, Duration callbackTimeout, int threads, Clock clock) {

    public SimOptions {
        Objects.requireNonNull(apiKey, "apiKey");
        models = Set.copyOf(models);
        Objects.requireNonNull(pendingFor, "pendingFor");
        Objects.requireNonNull(processingFor, "processingFor");
        callbackRetryDelays = List.copyOf(callbackRetryDelays);
        Objects.requireNonNull(callbackTimeout, "callbackTimeout");
        Objects.requireNonNull(clock, "clock");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** For tests: tasks end after about 200 ms; callbacks retry after 100, 200 and 400 ms. */
    public static SimOptions fast() {
        return new SimOptions("apixo-sim-key", Set.of("nano-banana-pro"), Duration.ofMillis(50),
                Duration.ofMillis(150), List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)),
                Duration.ofSeconds(5), 8, Clock.systemUTC());
    }

    /**
     * Close to the real service: 2 s pending, 28 s processing (a 2K image), callbacks retried after 30 s, 60 s and
     * 120 s (Apixo documents the first retry at 30 s; the rest of its schedule is not published).
     */
    public static SimOptions realistic() {
        return new SimOptions("apixo-sim-key", Set.of("nano-banana-pro"), Duration.ofSeconds(2),
                Duration.ofSeconds(28), List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)),
                Duration.ofSeconds(30), 16, Clock.systemUTC());
    }

    public SimOptions withApiKey(String key) {
        return new SimOptions(key, models, pendingFor, processingFor, callbackRetryDelays, callbackTimeout, threads,
                clock);
    }

    public SimOptions withTimings(Duration pending, Duration processing) {
        return new SimOptions(apiKey, models, pending, processing, callbackRetryDelays, callbackTimeout, threads,
                clock);
    }

    public SimOptions withCallbackRetryDelays(Duration... delays) {
        return new SimOptions(apiKey, models, pendingFor, processingFor, List.of(delays), callbackTimeout, threads,
                clock);
    }

    public SimOptions withCallbackTimeout(Duration timeout) {
        return new SimOptions(apiKey, models, pendingFor, processingFor, callbackRetryDelays, timeout, threads,
                clock);
    }

    public SimOptions withThreads(int count) {
        return new SimOptions(apiKey, models, pendingFor, processingFor, callbackRetryDelays, callbackTimeout, count,
                clock);
    }

    public SimOptions withClock(Clock newClock) {
        return new SimOptions(apiKey, models, pendingFor, processingFor, callbackRetryDelays, callbackTimeout,
                threads, newClock);
    }
}
