package dev.imagegen.worker;

import dev.imagegen.core.ImageGeneration;
import dev.imagegen.core.Tracing;
import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ImageStore;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.store.ImageStores;
import dev.imagegen.worker.codec.CommandReader;
import dev.imagegen.worker.codec.EventWriter;
import dev.imagegen.worker.codec.Redactor;
import dev.imagegen.worker.codec.TaskStateCodec;
import dev.imagegen.worker.config.WorkerConfig;
import dev.imagegen.worker.http.HttpEndpoint;
import dev.imagegen.worker.kafka.CallbackRelay;
import dev.imagegen.worker.kafka.Codecs;
import dev.imagegen.worker.kafka.Reachability;
import dev.imagegen.worker.kafka.KafkaClients;
import dev.imagegen.worker.kafka.KafkaRestorers;
import dev.imagegen.worker.kafka.KafkaTaskStore;
import dev.imagegen.worker.kafka.LoopSettings;
import dev.imagegen.worker.kafka.RecordLimits;
import dev.imagegen.worker.kafka.TopicSetup;
import dev.imagegen.worker.kafka.WorkerLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One running worker: the providers the configuration enables, the engine, the Kafka loop on its own thread and
 * the HTTP endpoint. {@link #stop()} drains; {@link #await} waits for the drain.
 */
public final class Worker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final ImageGeneration engine;
    private final WorkerLoop loop;
    private final Thread loopThread;
    private final HttpEndpoint http;
    private final CallbackRelay relay;
    private final Reachability reachability;
    private final Admin admin;
    private final Duration drainTimeout;
    private final WorkerMetrics metrics;
    private boolean closed;

    private Worker(ImageGeneration engine, WorkerLoop loop, HttpEndpoint http, CallbackRelay relay,
                   Reachability reachability, Admin admin, Duration drainTimeout, WorkerMetrics metrics) {
        this.engine = engine;
        this.reachability = reachability;
        this.relay = relay;
        this.loop = loop;
        this.http = http;
        this.admin = admin;
        this.drainTimeout = drainTimeout;
        this.metrics = metrics;
        this.loopThread = new Thread(loop, "imagegen-loop");
    }

    /**
     * Starts a worker.
     *
     * @throws dev.imagegen.spi.ConfigException when a provider's or result custody's configuration is incomplete
     */
    public static Worker start(WorkerConfig config, ProviderConfig providerConfig, ProviderRegistry registry) {
        return start(config, providerConfig, registry, ImageStores::open, Tracing.fromClassPath());
    }

    /**
     * {@link #start(WorkerConfig, ProviderConfig, ProviderRegistry)} with the spans going to {@code tracing} (default:
     * the global OpenTelemetry, that is the Java agent's or none; for an instance of your own,
     * {@code OpenTelemetryTracing.of(openTelemetry)}).
     */
    public static Worker start(WorkerConfig config, ProviderConfig providerConfig, ProviderRegistry registry,
                               Tracing tracing) {
        return start(config, providerConfig, registry, ImageStores::open, tracing);
    }

    /** {@link #start(WorkerConfig, ProviderConfig, ProviderRegistry)} with the image store from {@code stores}. */
    static Worker start(WorkerConfig config, ProviderConfig providerConfig, ProviderRegistry registry,
                        Function<ProviderConfig, Optional<ImageStore>> stores) {
        return start(config, providerConfig, registry, stores, Tracing.fromClassPath());
    }

    private static Worker start(WorkerConfig config, ProviderConfig providerConfig, ProviderRegistry registry,
                                Function<ProviderConfig, Optional<ImageStore>> stores, Tracing tracing) {
        Optional<ImageStore> images = stores.apply(providerConfig);
        WorkerMetrics metrics = new WorkerMetrics();
        KafkaTaskStore store = new KafkaTaskStore();
        List<String> providerSecrets = secrets(registry, providerConfig);
        ImageGeneration engine;
        List<ImageProvider> providers;
        try {
            providers = registry.createEnabled(providerConfig).stream()
                    .map(p -> (ImageProvider) new CountingProvider(p, metrics)).toList();
            ImageGeneration.Builder builder = ImageGeneration.builder().providers(providers)
                    .providerOrder(config.providerOrder()).taskStore(store)
                    .unknownOutcomePolicy(config.unknownOutcome()).listener(Worker::trace)
                    .listener(metrics::taskEvent).closeTimeout(Duration.ZERO).tracing(tracing)
                    .callbackSecret(CallbackSecret.derive(config.groupId(), providerSecrets));
            engine = images.map(builder::imageStore).orElse(builder).build();
        } catch (RuntimeException e) {
            // the engine owns the store once built; until then, a failure here must not leave its threads behind
            images.ifPresent(ImageStore::close);
            metrics.close();
            throw e;
        }
        images.ifPresent(custody -> LOG.info("result custody: images are copied into {}", custody.describe()));
        KafkaClients clients = new KafkaClients(config);
        Admin admin = clients.admin();
        HttpEndpoint http = null;
        CallbackRelay relay = null;
        Reachability reachability = null;
        try {
            RecordLimits limits = TopicSetup.ensure(admin, config.topics(), config.partitions(),
                    clients.maxRequestSize(), config.dedupRetention());
            List<String> secrets = new ArrayList<>(providerSecrets);
            secrets.addAll(config.kafka().secrets());
            Redactor redactor = new Redactor(secrets);
            Codecs codecs = new Codecs(new CommandReader(new HashSet<>(registry.ids())), new EventWriter(redactor),
                    new TaskStateCodec());
            WorkerLoop loop = new WorkerLoop(LoopSettings.defaults(config.topics(), limits, config.drainTimeout(),
                    config.dedupRetention()),
                    clients.commandConsumer(), clients::producer,
                    KafkaRestorers.create(admin, clients.restoreConsumer(), config.topics().tasks()), engine.host(),
                    store, codecs, metrics, Clock.systemUTC(), tracing);
            metrics.gauge("imagegen.tasks.in.flight", "tasks the engine drives now", engine.host()::inFlight);
            metrics.gauge("imagegen.partitions.owned", "command partitions this worker owns", loop::partitionsOwned);
            metrics.gauge("imagegen.commandids.remembered", "commandIds remembered for idempotency (in flight, or "
                    + "finished within IMAGEGEN_DEDUP_RETENTION)", loop::rememberedIds);
            metrics.gauge("imagegen.commandids.memory", "bytes of memory holding the remembered commandIds",
                    loop::rememberedBytes);
            relay = new CallbackRelay(engine.host(), config.topics().commands(), clients::relayProducer, metrics);
            reachability = Reachability.start(admin, Clock.systemUTC());
            Reachability kafka = reachability;
            http = HttpEndpoint.start(config.httpAddress(), config.httpPort(), () -> loop.ready() && kafka.reachable(),
                    metrics, relay);
            if (providers.isEmpty()) {
                LOG.warn("no provider is enabled (set a provider's API key, see --help): every command will end "
                        + "FAILED with UNSUPPORTED_MODEL");
            }
            Worker worker = new Worker(engine, loop, http, relay, reachability, admin, config.drainTimeout(),
                    metrics);
            worker.loopThread.start();
            LOG.info("worker started: providers {}, HTTP on {}:{}", engine.providers().stream()
                    .map(d -> d.id().value()).toList(), config.httpAddress(), http.port());
            return worker;
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            if (relay != null) {
                relay.close();
            }
            if (reachability != null) {
                reachability.close();
            }
            engine.close();
            admin.close(Duration.ofSeconds(1));
            metrics.close();
            throw e;
        }
    }

    public int httpPort() {
        return http.port();
    }

    /** Ready to work: partitions assigned (or none to own) and the Kafka cluster answering. */
    public boolean ready() {
        return loop.ready() && reachability.reachable();
    }

    /** How many partitions of the commands topic this worker owns now. */
    public int partitionsOwned() {
        return loop.partitionsOwned();
    }

    /** The partitions of the commands topic this worker owns now. */
    public java.util.Set<Integer> ownedPartitions() {
        return loop.ownedPartitions();
    }

    /** Starts the drain: no more commands; what is in hand is written; returns at once. */
    public void stop() {
        loop.stop();
    }

    /**
     * Stops at once without draining or leaving the consumer group, as a killed process would; the partitions
     * move to other workers after the session timeout. For tests of crash recovery.
     */
    public void crash() throws InterruptedException {
        loop.crash();
        loop.await(Duration.ofSeconds(10));
        close();
    }

    /** Waits for the drain and releases everything; true when the loop ended cleanly. */
    public boolean await(Duration timeout) throws InterruptedException {
        boolean clean = loop.await(timeout);
        close();
        return clean;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.stop();
        try {
            loop.await(drainTimeout.plusSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        relay.close();
        reachability.close();
        engine.close();
        admin.close(Duration.ofSeconds(2));
        metrics.close();
    }

    /** At DEBUG, one line per task state change: ids, provider and outcome codes only (never caller text). */
    private static void trace(TaskEvent event) {
        if (LOG.isDebugEnabled()) {
            MDC.put(WorkerLoop.MDC_COMMAND_ID, event.taskId().value());
            try {
                LOG.debug("task {} {} provider={} vendorTask={} code={} attempts={}", event.taskId(), event.status(),
                        event.provider(), event.providerTaskId(),
                        event.failure() == null ? null : event.failure().code(), event.attempts().size());
            } finally {
                MDC.remove(WorkerLoop.MDC_COMMAND_ID);
            }
        }
    }

    private static List<String> secrets(ProviderRegistry registry, ProviderConfig config) {
        return registry.configKeys().stream().filter(ConfigKey::secret).filter(config::isSet)
                .map(k -> config.optional(k).orElse(null)).toList();
    }
}
