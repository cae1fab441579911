package dev.imagegen.worker;

import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSettings;
import dev.imagegen.spi.TaskSnapshot;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** A provider whose vendor calls are counted and timed in the metrics; everything else is the provider's own. */
final class CountingProvider implements ImageProvider {

    private final ImageProvider delegate;
    private final WorkerMetrics metrics;
    private final String id;

    CountingProvider(ImageProvider delegate, WorkerMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.id = delegate.descriptor().id().value();
    }

    @Override
    public ProviderDescriptor descriptor() {
        return delegate.descriptor();
    }

    @Override
    public TaskSettings taskSettings() {
        return delegate.taskSettings();
    }

    @Override
    public CompletionStage<Submission> submit(ProviderRequest request) {
        return counted("submit", () -> delegate.submit(request));
    }

    @Override
    public CompletionStage<TaskSnapshot> poll(ProviderTaskRef task) {
        return counted("poll", () -> delegate.poll(task));
    }

    @Override
    public CompletionStage<CancelOutcome> cancel(ProviderTaskRef task) {
        long start = System.nanoTime();
        return delegate.cancel(task).whenComplete((outcome, error) -> metrics.vendorCall(id, "cancel",
                error == null ? outcome.name() : "error", System.nanoTime() - start));
    }

    @Override
    public Optional<String> callbackTaskId(byte[] body) {
        return delegate.callbackTaskId(body);
    }

    @Override
    public void close() {
        delegate.close();
    }

    private <T> CompletionStage<T> counted(String call, Supplier<CompletionStage<T>> send) {
        long start = System.nanoTime();
        return send.get().whenComplete((value, error) -> metrics.vendorCall(id, call, error == null ? "ok"
                : ProviderException.find(error).map(e -> e.code().name()).orElse("error"), System.nanoTime() - start));
    }
}
