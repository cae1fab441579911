package dev.imagegen.core;

import dev.imagegen.core.capability.Catalogue;
import dev.imagegen.core.policy.RetryPolicy;
import dev.imagegen.core.routing.Router;
import dev.imagegen.core.task.InMemoryTaskStore;
import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskStore;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The embedded entry point: submit a request, get a handle whose result completes when the task is terminal.
 *
 * <pre>{@code
 * try (ImageGeneration images = ImageGeneration.builder()
 *         .providers(ProviderRegistry.load().createEnabled(ProviderConfig.fromEnvironment()))
 *         .build()) {
 *     Task done = images.submit(GenerationRequest.builder()
 *             .id("hero-1").model("nano-banana-pro").prompt("A banana pilot").aspectRatio("16:9").build())
 *         .result().toCompletableFuture().join();
 * }
 * }</pre>
 *
 * <p>Every request is checked against the model's capabilities before any vendor call; a refused request ends
 * FAILED at once, with every violation named. Tasks run on one shared scheduler thread (vendor calls are
 * asynchronous), so ten thousand open tasks cost memory, not threads. The task id is an idempotency key: submitting
 * an id again returns the same task. Thread-safe.
 */
public final class ImageGeneration implements AutoCloseable {

    private final TaskDriver driver;
    private final TaskStore store;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final boolean closeProviders;
    private volatile boolean closed;

    private ImageGeneration(Builder b) {
        this.store = b.store;
        this.ownsScheduler = b.scheduler == null;
        this.scheduler = ownsScheduler ? newScheduler() : b.scheduler;
        this.closeProviders = b.closeProviders;
        Map<ProviderId, ProviderLane> lanes = new LinkedHashMap<>();
        for (ImageProvider provider : ordered(b.providers, b.order)) {
            lanes.put(provider.descriptor().id(), new ProviderLane(provider));
        }
        this.driver = new TaskDriver(lanes, new Router(b.catalogue), b.store, b.listeners, b.retryPolicy,
                b.unknownOutcomePolicy, scheduler, b.clock, b.jitter);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a task (or finds the one with the same id). Never throws for a request the model refuses: the handle's
     * task ends FAILED with {@code UNSUPPORTED_MODEL} or {@code UNSUPPORTED_PARAMETER}.
     */
    public GenerationHandle submit(GenerationRequest request) {
        requireOpen();
        return handle(request.id(), driver.submit(Objects.requireNonNull(request, "request")));
    }

    /**
     * Takes over a task from the store that is not terminal (after a restart, or a partition moving to this
     * process): it is polled if its vendor task is known, never submitted twice, and a submit in doubt follows the
     * unknown-outcome policy.
     */
    public GenerationHandle resume(Task task) {
        requireOpen();
        return handle(task.id(), driver.resume(task));
    }

    /** Resumes every unfinished task in the store. */
    public List<GenerationHandle> resumeUnfinished() {
        List<GenerationHandle> handles = new ArrayList<>();
        for (Task task : store.unfinished()) {
            handles.add(resume(task));
        }
        return handles;
    }

    /**
     * Stops driving a task without changing it (another process takes it over). Completes once the task is
     * released; a {@link #resume} after that starts afresh.
     */
    public CompletionStage<Void> release(TaskId id) {
        return driver.release(id);
    }

    /** The task as the store has it. */
    public Optional<Task> find(TaskId id) {
        return store.find(id);
    }

    /** Cancels a running task; completes with whether it was running. */
    public CompletionStage<Boolean> cancel(TaskId id) {
        return driver.cancel(id);
    }

    /**
     * A vendor called back about a task (the host received a request at {@link CallbackRoutes#path}). The callback
     * itself completes nothing: when the token and the vendor task id in the body match a running task, that task
     * is polled at once, and the poll's answer drives it.
     *
     * @return whether the callback matched a running task (a host answers 404 otherwise)
     */
    public boolean onCallback(ProviderId provider, String token, byte[] body) {
        return driver.onCallback(provider, token, body);
    }

    /** The configured providers, in routing order. */
    public List<ProviderDescriptor> providers() {
        return driver.descriptors();
    }

    /** Tasks being driven now (queued, at a vendor, or finishing). */
    public int inFlight() {
        return driver.inFlight();
    }

    /** Stops the scheduler (if this instance made it) and closes the providers (unless told not to). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        if (closeProviders) {
            driver.providers().values().forEach(ImageProvider::close);
        }
    }

    private GenerationHandle handle(TaskId id, CompletableFuture<Task> result) {
        return new GenerationHandle() {
            @Override
            public TaskId id() {
                return id;
            }

            @Override
            public CompletionStage<Task> result() {
                return result.minimalCompletionStage();
            }

            @Override
            public Optional<Task> current() {
                return store.find(id);
            }

            @Override
            public CompletionStage<Boolean> cancel() {
                return driver.cancel(id);
            }
        };
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this ImageGeneration is closed");
        }
    }

    private static List<ImageProvider> ordered(List<ImageProvider> providers, List<ProviderId> order) {
        if (order.isEmpty()) {
            return providers;
        }
        List<ImageProvider> sorted = new ArrayList<>(providers);
        sorted.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)));
        return sorted;
    }

    private static int rank(List<ProviderId> order, ImageProvider provider) {
        int index = order.indexOf(provider.descriptor().id());
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static ScheduledExecutorService newScheduler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "imagegen-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Configures an {@link ImageGeneration}. Not thread-safe. */
    public static final class Builder {
        private final List<ImageProvider> providers = new ArrayList<>();
        private List<ProviderId> order = List.of();
        private Catalogue catalogue = Catalogue.builtIn();
        private TaskStore store = new InMemoryTaskStore();
        private final List<TaskListener> listeners = new ArrayList<>();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private UnknownOutcomePolicy unknownOutcomePolicy = UnknownOutcomePolicy.FAIL;
        private ScheduledExecutorService scheduler;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private boolean closeProviders = true;

        private Builder() {
        }

        /** Adds providers; without {@link #providerOrder}, the order given is the routing order. */
        public Builder providers(List<? extends ImageProvider> values) {
            providers.addAll(values);
            return this;
        }

        public Builder provider(ImageProvider value) {
            providers.add(Objects.requireNonNull(value, "provider"));
            return this;
        }

        /** The routing and fallback order; providers not named come last. */
        public Builder providerOrder(List<ProviderId> value) {
            order = List.copyOf(value);
            return this;
        }

        public Builder catalogue(Catalogue value) {
            catalogue = Objects.requireNonNull(value, "catalogue");
            return this;
        }

        public Builder taskStore(TaskStore value) {
            store = Objects.requireNonNull(value, "taskStore");
            return this;
        }

        public Builder listener(TaskListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        public Builder unknownOutcomePolicy(UnknownOutcomePolicy value) {
            unknownOutcomePolicy = Objects.requireNonNull(value, "unknownOutcomePolicy");
            return this;
        }

        /** A scheduler to run on (one thread is enough); the caller keeps owning it. */
        public Builder scheduler(ScheduledExecutorService value) {
            scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Source of jitter values in {@code [0, 1)}; tests pass a constant. */
        public Builder jitter(DoubleSupplier value) {
            jitter = Objects.requireNonNull(value, "jitter");
            return this;
        }

        /** Whether {@link ImageGeneration#close()} closes the providers (default true). */
        public Builder closeProviders(boolean value) {
            closeProviders = value;
            return this;
        }

        public ImageGeneration build() {
            Set<ProviderId> ids = new HashSet<>();
            for (ImageProvider provider : providers) {
                if (!ids.add(provider.descriptor().id())) {
                    throw new IllegalArgumentException("two providers with id " + provider.descriptor().id());
                }
            }
            return new ImageGeneration(this);
        }
    }
}
