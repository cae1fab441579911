package dev.imagegen.testkit.apixo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Apixo's callback delivery: when a task becomes terminal, POST the statusTask envelope to its
 * {@code callback_url}; a receiver that does not answer 200 (within the timeout) gets up to
 * {@code retryDelays.size()} retries, each after its delay. All timing runs on one scheduler thread; the HTTP
 * client sends asynchronously on the same executor, so thousands of callbacks cost no thread each.
 */
final class CallbackDispatcher implements AutoCloseable {

    private final ScheduledExecutorService scheduler;
    private final HttpClient client;
    private final List<Duration> retryDelays;
    private final Duration timeout;
    private final AtomicBoolean drop = new AtomicBoolean();
    private final AtomicInteger copies = new AtomicInteger(1);
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();

    CallbackDispatcher(List<Duration> retryDelays, Duration timeout) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apixo-sim-callbacks");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().executor(scheduler).connectTimeout(timeout).build();
        this.retryDelays = List.copyOf(retryDelays);
        this.timeout = timeout;
    }

    /**
     * Delivers the body the supplier gives after the delay (the task's terminal time); an empty body (a task pinned
     * in a running state) is not delivered.
     */
    void deliverAfter(Duration delay, URI url, Supplier<Optional<String>> body) {
        schedule(() -> body.get().ifPresent(b -> deliver(url, b)), delay);
    }

    /** Delivers now (with the usual retries), whatever the drop and duplicate switches say. */
    void deliverOnce(URI url, String body) {
        schedule(() -> attempt(url, body, 0), Duration.ZERO);
    }

    private void deliver(URI url, String body) {
        if (drop.get()) {
            dropped.incrementAndGet();
            return;
        }
        for (int i = 0; i < copies.get(); i++) {
            attempt(url, body, 0);
        }
    }

    private void attempt(URI url, String body, int attempt) {
        attempts.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() == 200) {
                delivered.incrementAndGet();
            } else if (attempt < retryDelays.size()) {
                schedule(() -> attempt(url, body, attempt + 1), retryDelays.get(attempt));
            } else {
                abandoned.incrementAndGet();
            }
        });
    }

    private void schedule(Runnable action, Duration delay) {
        try {
            scheduler.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            // the simulator is shutting down: nothing more is delivered
        }
    }

    void drop(boolean value) {
        drop.set(value);
    }

    void copies(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("copies must be at least 1");
        }
        copies.set(value);
    }

    void resetSwitches() {
        drop.set(false);
        copies.set(1);
    }

    long attempts() {
        return attempts.get();
    }

    long delivered() {
        return delivered.get();
    }

    long dropped() {
        return dropped.get();
    }

    long abandoned() {
        return abandoned.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
