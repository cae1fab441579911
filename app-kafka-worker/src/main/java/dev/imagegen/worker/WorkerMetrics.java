package dev.imagegen.worker;

import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.spi.CancelOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The worker's metrics, in Prometheus text format at {@code /metrics}. Labels are closed vocabularies (status,
 * provider id, call, error code): never a credential, never caller text. Also the JVM's own: heap and other memory
 * pools, live data after GC, threads, CPU. Each meter is registered once, on its first use. Thread-safe.
 */
public final class WorkerMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter consumed = Counter.builder("imagegen.commands.consumed")
            .description("command records consumed").register(registry);
    private final Counter duplicates = Counter.builder("imagegen.commands.duplicate")
            .description("commands ignored because their commandId is known").register(registry);
    private final Counter dlq = Counter.builder("imagegen.dlq.records")
            .description("records written to the DLQ").register(registry);
    private final Counter commits = Counter.builder("imagegen.transactions.committed")
            .description("Kafka transactions committed").register(registry);
    private final Timer commitTime = Timer.builder("imagegen.transactions.duration")
            .description("time to write and commit one Kafka transaction").register(registry);
    private final Counter aborts = Counter.builder("imagegen.transactions.failed")
            .description("Kafka transactions that failed (the worker reset from Kafka)").register(registry);

    private final Map<String, Counter> events = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> vendorCalls = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> vendorCallTimes = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> unattended = new ConcurrentHashMap<>();
    private final Map<String, Counter> callbacks = new ConcurrentHashMap<>();

    public WorkerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    public void consumed() {
        consumed.increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void dlq(int count) {
        dlq.increment(count);
    }

    /** A committed transaction, and how long writing and committing it took. */
    public void committed(long nanos) {
        commits.increment();
        commitTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void failedTransaction() {
        aborts.increment();
    }

    public void event(String status) {
        events.computeIfAbsent(status, key -> Counter.builder("imagegen.events").description("events written, by status")
                .tag("status", key).register(registry)).increment();
    }

    /**
     * One vendor call that took {@code nanos} until its answer: {@code call} is submit, poll or cancel;
     * {@code outcome} ok or an error code name.
     */
    public void vendorCall(String provider, String call, String outcome, long nanos) {
        vendorCalls.computeIfAbsent(List.of(provider, call, outcome), key -> Counter.builder("imagegen.vendor.calls")
                .description("calls to vendors").tag("provider", provider).tag("call", call).tag("outcome", outcome)
                .register(registry)).increment();
        vendorCallTimes.computeIfAbsent(List.of(provider, call), key -> Timer.builder("imagegen.vendor.call.duration")
                .description("time from a vendor call to its answer").tag("provider", provider).tag("call", call)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /**
     * Hears the engine's events: a task that ended (cancelled or timed out) while its vendor task may still run and
     * bill is counted by provider and by what the vendor answered the cancel.
     */
    public void taskEvent(TaskEvent event) {
        CancelOutcome cancel = event.vendorCancellation();
        if (event.terminal() && cancel != null && cancel.mayStillRun()) {
            String provider = event.provider() == null ? "none" : event.provider().value();
            unattended.computeIfAbsent(List.of(provider, cancel.name()), key -> Counter
                    .builder("imagegen.vendor.tasks.unattended")
                    .description("vendor tasks left running when their task ended (they may still bill), by provider"
                            + " and cancel outcome")
                    .tag("provider", provider).tag("reason", cancel.name()).register(registry)).increment();
        }
    }

    /** A vendor callback that reached this worker: POLLED here, NOT_HERE (handed on) or REFUSED. */
    public void callback(String verdict) {
        callbacks.computeIfAbsent(verdict, key -> Counter.builder("imagegen.callbacks")
                .description("vendor callbacks received, by what they came to").tag("verdict", key)
                .register(registry)).increment();
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    /** How many meters the registry holds (for tests: each is registered once). */
    int meterCount() {
        return registry.getMeters().size();
    }

    /** Stops listening to GC notifications. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
