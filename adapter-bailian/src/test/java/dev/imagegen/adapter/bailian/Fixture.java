package dev.imagegen.adapter.bailian;

import dev.imagegen.testkit.bailian.BailianSimulator;
import dev.imagegen.testkit.bailian.SimOptions;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** A simulator and a provider configured against it, for tests. */
final class Fixture implements AutoCloseable {

    final BailianSimulator sim;
    final ImageProvider provider;

    private Fixture(BailianSimulator sim, ImageProvider provider) {
        this.sim = sim;
        this.provider = provider;
    }

    static Fixture start(BailianSimulator.Style style) {
        return start(SimOptions.defaults().style(style), Map.of(), Clock.systemUTC());
    }

    static Fixture start(SimOptions options, Map<String, String> extraConfig, Clock clock) {
        BailianSimulator sim = BailianSimulator.start(options);
        Map<String, String> config = new HashMap<>(sim.providerConfig());
        config.putAll(extraConfig);
        ImageProvider provider = new BailianProviderFactory().create(ProviderConfig.of(config).withClock(clock));
        return new Fixture(sim, provider);
    }

    Submission submit(ProviderRequest request) throws Exception {
        return provider.submit(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    TaskSnapshot poll(ProviderTaskRef task) throws Exception {
        return provider.poll(task).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Polls every 20 ms until the task is terminal (at most 10 s). */
    TaskSnapshot awaitTerminal(ProviderTaskRef task) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            TaskSnapshot snapshot = poll(task);
            if (snapshot.state().terminal()) {
                return snapshot;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("task " + task.taskId() + " is not terminal after 10 s");
    }

    /** The images of a request, submitted and polled to the end. */
    List<GeneratedImage> generate(ProviderRequest request) throws Exception {
        Submission submission = submit(request);
        if (submission instanceof Submission.Completed done) {
            return done.images();
        }
        TaskSnapshot end = awaitTerminal(((Submission.Accepted) submission).task());
        if (end.failure() != null) {
            throw new AssertionError("task failed: " + end.failure());
        }
        return end.images();
    }

    /** The provider failure a submit ends with. */
    ProviderException submitFailure(ProviderRequest request) {
        return failure(() -> provider.submit(request).toCompletableFuture().join());
    }

    static ProviderException failure(Runnable call) {
        try {
            call.run();
        } catch (CompletionException e) {
            return ProviderException.find(e).orElseThrow(() -> new AssertionError("not a ProviderException", e));
        } catch (ProviderException e) {
            return e;
        }
        throw new AssertionError("expected a ProviderException");
    }

    @Override
    public void close() {
        provider.close();
        sim.close();
    }
}
