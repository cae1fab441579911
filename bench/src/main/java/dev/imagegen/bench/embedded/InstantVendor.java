package dev.imagegen.bench.embedded;

import dev.imagegen.bench.BenchModels;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSettings;
import dev.imagegen.spi.TaskSnapshot;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/** A vendor that answers every submit with one image at once and has no caps worth the name. Thread-safe. */
final class InstantVendor implements ImageProvider {

    /** It stands in for Xenodia, declaring a model shaped like Xenodia's nano-banana-pro. */
    private static final ProviderId ID = ProviderId.of("xenodia");
    private static final TaskSettings SETTINGS = new TaskSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofMinutes(10), Integer.MAX_VALUE, 1_000_000_000);

    private final ProviderDescriptor descriptor = new ProviderDescriptor(ID,
            List.of(BenchModels.nanoBananaPro()), null);
    private final LongAdder submits = new LongAdder();

    @Override
    public ProviderDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public TaskSettings taskSettings() {
        return SETTINGS;
    }

    @Override
    public CompletionStage<Submission> submit(ProviderRequest request) {
        submits.increment();
        return CompletableFuture.completedFuture(new Submission.Completed(List.of(new GeneratedImage(
                URI.create("https://images.example/" + request.correlationId() + ".png"), null)), List.of()));
    }

    @Override
    public CompletionStage<TaskSnapshot> poll(ProviderTaskRef task) {
        return CompletableFuture.failedFuture(new ProviderException(ErrorCode.GENERATION_FAILED, null,
                "the instant vendor has no tasks to poll"));
    }

    long submits() {
        return submits.sum();
    }

    @Override
    public void close() {
    }
}
