package dev.imagegen.core;

import dev.imagegen.core.policy.RetryPolicy;
import dev.imagegen.core.routing.Router;
import dev.imagegen.core.task.InMemoryTaskStore;
import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskStore;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ImageStore;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * The embedded entry point: generate an image with any configured vendor.
 *
 * <pre>{@code
 * try (ImageGeneration images = ImageGeneration.fromEnvironment()) {
 *     GenerationResult result = images.generate(GenerationRequest.of("nano-banana-pro", "A banana pilot"));
 * }
 * }</pre>
 *
 * <p>Every request is checked against the model's capabilities before any vendor call; a refused request ends
 * {@link GenerationResult.Failed} at once, with every violation named. Tasks run on one engine thread (vendor calls
 * are asynchronous), so ten thousand open tasks cost memory, not threads; results and listeners are called on
 * notification threads of their own. The task id is an idempotency key: submitting an id again returns the same
 * task. With an {@link Builder#imageStore image store} (result custody), a task the vendor finished ends
 * {@link GenerationResult.Succeeded} once its images are copied there. Thread-safe.
 */
public final class ImageGeneration implements AutoCloseable {

    /** How long {@link #close()} waits by default for vendor submits and store saves in flight. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final TaskDriver driver;
    private final Engine engine;
    private final TaskStore store;
    private final ExecutorService ownedNotifications;
    private final boolean closeProviders;
    private final Duration closeTimeout;
    private final GenerationHost host;
    private volatile boolean closed;

    private ImageGeneration(Builder b) {
        this.store = b.store != null ? b.store : new InMemoryTaskStore(InMemoryTaskStore.DEFAULT_RETENTION,
                InMemoryTaskStore.DEFAULT_MAX_FINISHED, b.clock);
        this.closeProviders = b.closeProviders;
        this.closeTimeout = b.closeTimeout;
        this.ownedNotifications = b.notifications == null ? Executors.newCachedThreadPool(notifyThreads()) : null;
        Executor notifications = b.notifications != null ? b.notifications : ownedNotifications;
        EngineScheduler scheduler = b.scheduler != null ? b.scheduler : new ThreadScheduler(b.threads);
        Map<ProviderId, ProviderLane> lanes = new LinkedHashMap<>();
        for (ImageProvider provider : ordered(b.providers, b.order)) {
            lanes.put(provider.descriptor().id(), new ProviderLane(provider));
        }
        this.engine = new Engine(lanes, new Router(), store, b.retryPolicy, b.unknownOutcomePolicy,
                scheduler, b.clock, b.jitter, new Notifier(b.listeners, notifications), b.imageStore,
                b.tracing != null ? b.tracing : Tracing.fromClassPath());
        this.driver = new TaskDriver(engine, b.callbackSecret != null ? b.callbackSecret : randomSecret());
        this.host = new EngineHost(this, driver, store);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * An engine with every provider on the class path whose API key is set in the environment
     * ({@code XENODIA_API_KEY}, ...), in the order they are found, and the defaults for everything else.
     */
    public static ImageGeneration fromEnvironment() {
        return builder().providers(ProviderRegistry.load().createEnabled(ProviderConfig.fromEnvironment())).build();
    }

    /**
     * Generates and waits: returns once the task is over.
     *
     * @throws TaskAbandonedException when the engine is closed before the task is over, or the task store fails
     */
    public GenerationResult generate(GenerationRequest request) {
        try {
            return generateAsync(request).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Generates without waiting: the future completes once the task is over (see {@link GenerationHandle#result}). */
    public CompletableFuture<GenerationResult> generateAsync(GenerationRequest request) {
        return submit(request).result().toCompletableFuture();
    }

    /**
     * Starts a task (or finds the one with the same id) and returns its handle, to follow its events or cancel it.
     * Never throws for a request the model refuses: its result is {@link GenerationResult.Failed} with
     * {@code UNSUPPORTED_MODEL} or {@code UNSUPPORTED_PARAMETER}.
     *
     * @throws IllegalStateException when the engine is closed
     */
    public GenerationHandle submit(GenerationRequest request) {
        requireOpen();
        Objects.requireNonNull(request, "request");
        return handle(request.id(), driver.submit(request));
    }

    /** Cancels a task that is not over; completes with whether it was running here. */
    public CompletionStage<Boolean> cancel(TaskId id) {
        return driver.cancel(id, null);
    }

    /** The configured providers, in routing order. */
    public List<ProviderDescriptor> providers() {
        return engine.descriptors();
    }

    /** The operations a host such as the Kafka worker needs (resume, release, callbacks); not for embedding. */
    public GenerationHost host() {
        return host;
    }

    /**
     * Stops intake, waits up to the close timeout ({@link Builder#closeTimeout}, default 10 s) for vendor submits and
     * store saves in flight, then gives up every task that is not over: its result completes with a
     * {@link TaskAbandonedException} ({@code ENGINE_CLOSED}) and, with a durable store, the next instance resumes
     * it. Stops every timer and the engine's thread, and closes the providers and the image store (unless told not
     * to). Copies of images in progress are not waited for: with a durable store, the next instance copies them
     * again. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        driver.close(closeTimeout);
        engine.scheduler.shutdown(Duration.ofSeconds(1));
        if (ownedNotifications != null) {
            ownedNotifications.shutdown();
        }
        if (closeProviders) {
            engine.lanes.values().forEach(lane -> lane.provider.close());
            if (engine.images != null) {
                engine.images.close();
            }
        }
    }

    GenerationHandle handle(TaskId id, CompletableFuture<Task> result) {
        return new Handle(id, result, driver, engine.notifier);
    }

    void requireOpen() {
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

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    private static ThreadFactory notifyThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "imagegen-notify-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Configures an {@link ImageGeneration}. Not thread-safe. */
    public static final class Builder {
        private final List<ImageProvider> providers = new ArrayList<>();
        private List<ProviderId> order = List.of();
        private TaskStore store;
        private ImageStore imageStore;
        private final List<TaskListener> listeners = new ArrayList<>();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private UnknownOutcomePolicy unknownOutcomePolicy = UnknownOutcomePolicy.FAIL;
        private ThreadFactory threads = ThreadScheduler.defaultThreads();
        private EngineScheduler scheduler;
        private Executor notifications;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private boolean closeProviders = true;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
        private byte[] callbackSecret;
        private Tracing tracing;

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

        /**
         * Where tasks are kept. Default: an {@link InMemoryTaskStore} that keeps finished tasks for 7 days, at most
         * {@value InMemoryTaskStore#DEFAULT_MAX_FINISHED} of them.
         */
        public Builder taskStore(TaskStore value) {
            store = Objects.requireNonNull(value, "taskStore");
            return this;
        }

        /**
         * Result custody (default: none, and results carry the vendor's URLs only). When the vendor finishes a task,
         * its images are first recorded in the task store (the task keeps its state; no event), then copied into
         * {@code value} (the copies run on the image store's own threads), and the task ends SUCCEEDED with each
         * image's {@link dev.imagegen.spi.StoredImage stored} copy attached. A copy that fails never fails the task:
         * that image keeps only the vendor's URL and a warning names its index and why. A task resumed with recorded
         * images copies them again, with no vendor call. Once the vendor reported success, a cancel or a deadline
         * that comes while the images are copied is not acted on (the vendor made and billed them): the task ends
         * SUCCEEDED when the copies are done. Closed by {@link ImageGeneration#close()} unless
         * {@link #closeProviders closeProviders(false)}.
         */
        public Builder imageStore(ImageStore value) {
            imageStore = Objects.requireNonNull(value, "imageStore");
            return this;
        }

        /** Hears every event of every task (see {@link TaskListener} for the thread it runs on). */
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

        /** Makes the engine's one thread (default: a daemon thread named {@code imagegen-engine}). */
        public Builder threadFactory(ThreadFactory value) {
            threads = Objects.requireNonNull(value, "threadFactory");
            return this;
        }

        /**
         * Where results complete and listeners run (default: a cached pool of daemon threads named
         * {@code imagegen-notify-N}, one busy at most per listener plus one for results). The caller keeps owning
         * an executor given here.
         */
        public Builder notificationExecutor(Executor value) {
            notifications = Objects.requireNonNull(value, "notificationExecutor");
            return this;
        }

        /** Runs the engine in the given scheduler instead of a thread of its own (tests run it in virtual time). */
        Builder scheduler(EngineScheduler value) {
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

        /** Whether {@link ImageGeneration#close()} closes the providers and the image store (default true). */
        public Builder closeProviders(boolean value) {
            closeProviders = value;
            return this;
        }

        /** How long {@link ImageGeneration#close()} waits for vendor submits and saves in flight (default 10 s). */
        public Builder closeTimeout(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative, got " + value);
            }
            closeTimeout = value;
            return this;
        }

        /**
         * The key that signs the tokens in vendors' callback URLs (at least 16 bytes; default: random for this
         * engine). Engines that share it accept each other's callback tokens, across restarts: a host with several
         * engines gives them all the same secret, and keeps it secret.
         */
        public Builder callbackSecret(byte[] value) {
            if (value.length < 16) {
                throw new IllegalArgumentException("callbackSecret must have at least 16 bytes, got " + value.length);
            }
            callbackSecret = value.clone();
            return this;
        }

        /**
         * Where the engine's spans go (a submit, status, cancel or download span per vendor call, each a child of the
         * request's {@link GenerationRequest#trace() trace context}). Default: {@link Tracing#fromClassPath()}, the
         * OpenTelemetry API through the module {@code imagegen-opentelemetry} when it is on the class path (global
         * OpenTelemetry: the Java agent's, or a registered SDK; no-op otherwise), else {@link Tracing#NONE}. For an
         * {@code OpenTelemetry} instance of your own: {@code OpenTelemetryTracing.of(openTelemetry)}.
         */
        public Builder tracing(Tracing value) {
            tracing = Objects.requireNonNull(value, "tracing");
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
