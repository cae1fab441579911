package dev.imagegen.worker.it;

import dev.imagegen.core.Tracing;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.worker.Worker;
import dev.imagegen.worker.codec.JsonTree;
import dev.imagegen.worker.config.WorkerConfig;
import dev.imagegen.worker.demo.EmbeddedKafka;
import dev.imagegen.worker.testing.ContractSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;

/** A broker on 127.0.0.1 and helpers to run workers against it with their own topics. */
final class KafkaFixture implements AutoCloseable {

    static final String ALPHA_KEY = "sk-alpha-0123456789-secret";
    static final String BETA_KEY = "sk-beta-9876543210-secret";

    final EmbeddedKafka kafka;
    final String prefix = "t" + UUID.randomUUID().toString().substring(0, 6) + ".";
    private final KafkaProducer<byte[], byte[]> producer;

    KafkaFixture() {
        this(Map.of());
    }

    /** @param brokerProperties broker settings on top of the single-node defaults */
    KafkaFixture(Map<String, String> brokerProperties) {
        kafka = new EmbeddedKafka(brokerProperties);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "linger.ms", 1),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    WorkerConfig config(int partitions) {
        return config(partitions, Map.of());
    }

    /** @param settings environment settings on top of (or instead of) the fixture's */
    WorkerConfig config(int partitions, Map<String, String> settings) {
        Map<String, String> env = env(partitions);
        env.put("IMAGEGEN_PROVIDER_ORDER", "alpha,beta");
        env.put("IMAGEGEN_HTTP_PORT", "0");
        env.putAll(settings);
        return WorkerConfig.read(ProviderConfig.of(env));
    }

    /**
     * The environment that points a worker (in this JVM or a process) at this broker and the fixture's own topics
     * and group: bootstrap servers, the four topics, the group id, the partition count and a 3 s drain. A new map.
     */
    Map<String, String> env(int partitions) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("IMAGEGEN_COMMANDS_TOPIC", prefix + "commands");
        env.put("IMAGEGEN_EVENTS_TOPIC", prefix + "events");
        env.put("IMAGEGEN_DLQ_TOPIC", prefix + "dlq");
        env.put("IMAGEGEN_TASKS_TOPIC", prefix + "tasks");
        env.put("IMAGEGEN_GROUP_ID", prefix + "workers");
        env.put("IMAGEGEN_PARTITIONS", Integer.toString(partitions));
        env.put("IMAGEGEN_DRAIN_TIMEOUT", "3s");
        return env;
    }

    Worker worker(WorkerConfig config) {
        return worker(config, Map.of());
    }

    /** @param settings provider and custody settings on top of the fixture's keys */
    Worker worker(WorkerConfig config, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(Map.of("ALPHA_API_KEY", ALPHA_KEY, "BETA_API_KEY", BETA_KEY,
                "BETA_CALLBACK_URL", "https://hooks.example"));
        env.putAll(settings);
        return Worker.start(config, ProviderConfig.of(env), ProviderRegistry.load());
    }

    /** A worker whose spans go to {@code tracing}. */
    Worker worker(WorkerConfig config, Tracing tracing) {
        return Worker.start(config, ProviderConfig.of(Map.of("ALPHA_API_KEY", ALPHA_KEY, "BETA_API_KEY", BETA_KEY,
                "BETA_CALLBACK_URL", "https://hooks.example")), ProviderRegistry.load(), tracing);
    }

    /** Creates a topic with these settings before a worker does. */
    void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty())
                    .configs(configs))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** A topic's configs as the broker has them. */
    Map<String, String> topicConfigs(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            Map<String, String> out = new HashMap<>();
            admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource).entries()
                    .forEach(e -> out.put(e.name(), e.value()));
            return out;
        }
    }

    static void awaitReady(Worker worker) throws InterruptedException {
        await("the worker is ready", worker::ready, Duration.ofSeconds(60));
    }

    static void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    void send(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value));
    }

    void send(String topic, String key, String json) {
        send(topic, key, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends with these record headers (such as a W3C {@code traceparent}). */
    void send(String topic, String key, String json, Map<String, String> headers) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8));
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    /** A record's headers as text, last value per key. */
    static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> out = new HashMap<>();
        record.headers().forEach(h -> out.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return out;
    }

    void flush() {
        producer.flush();
    }

    /** The partition of a topic with this many partitions that the producer's default partitioner gives a key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static String command(String id, String prompt, String extra) {
        return "{\"type\":\"imagegen.generate.v1\",\"commandId\":\"" + id + "\",\"model\":\"test-model\","
                + "\"prompt\":\"" + prompt + "\"" + extra + ",\"metadata\":{\"tenant\":\"acme\"}}";
    }

    /**
     * Reads a topic (read_committed) from the start until {@code done} holds for what was read, or the timeout. Every
     * event read from the events topic must keep the event schema of {@code docs/schemas}.
     */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
                                              Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id",
                "reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "isolation.level", "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + timeout.toNanos();
            while (!done.test(out) && System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        if (topic.equals(prefix + "events")) {
            out.forEach(event -> ContractSchemas.EVENT.assertValid(event.value()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(ConsumerRecord<byte[], byte[]> record) {
        try {
            return (Map<String, Object>) JsonTree.parse(record.value());
        } catch (JsonTree.Unreadable e) {
            throw new AssertionError(e);
        }
    }

    static long terminalCount(List<ConsumerRecord<byte[], byte[]>> events, String id) {
        return events.stream().map(KafkaFixture::json)
                .filter(e -> id.equals(e.get("commandId")) && Boolean.TRUE.equals(e.get("terminal"))).count();
    }

    static List<Map<String, Object>> eventsOf(List<ConsumerRecord<byte[], byte[]>> events, String id) {
        return events.stream().map(KafkaFixture::json).filter(e -> id.equals(e.get("commandId"))).toList();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
        kafka.close();
    }
}
