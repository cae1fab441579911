package dev.imagegen.worker.kafka;

import dev.imagegen.core.ImageGeneration;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.worker.WorkerMetrics;
import dev.imagegen.worker.codec.CommandReader;
import dev.imagegen.worker.codec.EventWriter;
import dev.imagegen.worker.codec.JsonTree;
import dev.imagegen.worker.codec.Redactor;
import dev.imagegen.worker.codec.TaskStateCodec;
import dev.imagegen.worker.config.Topics;
import dev.imagegen.worker.testing.TestProviderFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A {@link WorkerLoop} on Kafka's mock clients, a real engine and the test providers. */
final class LoopHarness implements AutoCloseable {

    static final Topics TOPICS = new Topics("cmd", "evt", "dlq", "tasks");

    final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    /** When set, the next transaction's commit throws it (once). */
    final java.util.concurrent.atomic.AtomicReference<RuntimeException> failNextCommit =
            new java.util.concurrent.atomic.AtomicReference<>();
    final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer()) {
        @Override
        public void commitTransaction() {
            RuntimeException failure = failNextCommit.getAndSet(null);
            if (failure != null) {
                commitTransactionException = failure;
                try {
                    super.commitTransaction();
                } finally {
                    commitTransactionException = null;
                }
            }
            super.commitTransaction();
        }

        @Override
        public void abortTransaction() {
            super.abortTransaction();
            aborts.incrementAndGet();
        }
    };
    /** How many transactions were aborted. */
    final java.util.concurrent.atomic.AtomicInteger aborts = new java.util.concurrent.atomic.AtomicInteger();
    /** The tasks topic as the restorer reads it: per partition, its records (key, value or null) in order. */
    final Map<Integer, List<Map.Entry<String, byte[]>>> stored = new ConcurrentHashMap<>();

    /** Appends a record to a partition of the tasks topic as the next owner will read it (value null: tombstone). */
    LoopHarness store(int partition, String key, byte[] value) {
        stored.computeIfAbsent(partition, p -> new ArrayList<>()).add(new java.util.AbstractMap.SimpleEntry<>(key,
                value));
        return this;
    }
    final KafkaTaskStore store = new KafkaTaskStore();
    final ImageGeneration engine;
    final WorkerLoop loop;
    final TaskStateCodec tasks = new TaskStateCodec();
    private final Thread thread;
    private final Map<Integer, Long> nextOffset = new HashMap<>();

    /** The loop's clock: the real time plus whatever a test adds. */
    final ShiftedClock clock = new ShiftedClock();

    LoopHarness(int partitions) {
        this(partitions, RecordLimits.NONE);
    }

    LoopHarness(int partitions, RecordLimits limits) {
        this(partitions, limits, Duration.ofDays(7));
    }

    LoopHarness(int partitions, RecordLimits limits, Duration dedupRetention) {
        ProviderConfig config = ProviderConfig.of(Map.of("ALPHA_API_KEY", "alpha-secret-key",
                "BETA_API_KEY", "beta-secret-key"));
        engine = ImageGeneration.builder()
                .provider(new TestProviderFactory.Alpha().create(config))
                .provider(new TestProviderFactory.Beta().create(config))
                .taskStore(store).build();
        PartitionRestorer restorer = new PartitionRestorer() {
            @Override
            public void read(int partition, BiConsumer<String, byte[]> records) {
                stored.getOrDefault(partition, List.of()).forEach(r -> records.accept(r.getKey(), r.getValue()));
            }

            @Override
            public void close() {
            }
        };
        Codecs codecs = new Codecs(new CommandReader(Set.of(ProviderId.of("alpha"), ProviderId.of("beta"))),
                new EventWriter(new Redactor(List.of("alpha-secret-key"))), tasks);
        loop = new WorkerLoop(new LoopSettings(TOPICS, Duration.ofMillis(20), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(30), limits, dedupRetention), consumer, () -> producer, restorer,
                engine.host(), store, codecs, new WorkerMetrics(), clock);
        List<TopicPartition> assignment = new ArrayList<>();
        Map<TopicPartition, Long> beginning = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            assignment.add(new TopicPartition(TOPICS.commands(), p));
            beginning.put(new TopicPartition(TOPICS.commands(), p), 0L);
            nextOffset.put(p, 0L);
        }
        consumer.schedulePollTask(() -> {
            consumer.rebalance(assignment);
            consumer.updateBeginningOffsets(beginning);
        });
        thread = new Thread(loop, "test-loop");
    }

    LoopHarness start() {
        thread.start();
        return this;
    }

    /** Appends a command record to a partition (safe from the test thread). */
    synchronized void send(int partition, String key, byte[] value) {
        long offset = nextOffset.merge(partition, 1L, Long::sum) - 1;
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPICS.commands(), partition, offset,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value)));
    }

    void send(int partition, String key, String json) {
        send(partition, key, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Committed records of a topic (MockProducer's history holds committed transactions only once committed). */
    List<ProducerRecord<byte[], byte[]>> written(String topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events(String commandId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> r : written(TOPICS.events())) {
            if (new String(r.key(), StandardCharsets.UTF_8).equals(commandId)) {
                try {
                    out.add((Map<String, Object>) JsonTree.parse(r.value()));
                } catch (JsonTree.Unreadable e) {
                    throw new AssertionError(e);
                }
            }
        }
        return out;
    }

    List<Object> statuses(String commandId) {
        return events(commandId).stream().map(e -> e.get("status")).toList();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        loop.stop();
        try {
            loop.await(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
    }
}
