package dev.imagegen.bench.load;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the events topic (read_committed) on its own thread and remembers each command's terminal event. */
final class EventFollower implements AutoCloseable {

    /** A terminal event: its {@code occurredAt}, and when this process could read it (epoch ms). */
    record Terminal(String commandId, String status, String provider, String providerTaskId, String errorCode,
                    String errorMessage, long occurredAtMillis, long readAtMillis, List<String> stored) {

        Terminal(String commandId, String status, String provider, String providerTaskId, String errorCode,
                 String errorMessage, long occurredAtMillis, long readAtMillis) {
            this(commandId, status, provider, providerTaskId, errorCode, errorMessage, occurredAtMillis, readAtMillis,
                    List.of());
        }
    }

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final String TERMINAL = "\"terminal\":true";

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Map<String, Terminal> terminals = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong extraTerminals = new AtomicLong();
    private final AtomicLong withSecrets = new AtomicLong();
    private final List<String> secrets;
    private volatile boolean running = true;

    private final String idPrefix;

    /** @param secrets strings that must never appear in an event (the vendors' API keys) */
    EventFollower(String bootstrap, String topic, List<String> secrets) {
        this(bootstrap, topic, secrets, "");
    }

    /**
     * @param secrets  strings that must never appear in an event (the vendors' API keys)
     * @param idPrefix only events of commandIds that start with it are counted (the others are left alone)
     */
    EventFollower(String bootstrap, String topic, List<String> secrets, String idPrefix) {
        this.secrets = List.copyOf(secrets);
        this.idPrefix = idPrefix;
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "group.id",
                "imagegen-load-" + System.nanoTime(), "auto.offset.reset", "earliest",
                "isolation.level", "read_committed", "enable.auto.commit", "false", "fetch.max.wait.ms", "10"),
                new StringDeserializer(), new ByteArrayDeserializer());
        // read from the topic's end as it is now: this follower is made before its commands are sent, and the
        // warm-up's events before them (several rounds' worth) need not be read again by this busy process
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.subscribe(List.of(topic));
        } else {
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }
        thread = new Thread(this::run, "load-events");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() == null || !record.key().startsWith(idPrefix)) {
                        continue;
                    }
                    long now = System.currentTimeMillis();
                    events.incrementAndGet();
                    String text = new String(record.value(), StandardCharsets.UTF_8);
                    if (secrets.stream().anyMatch(text::contains)) {
                        withSecrets.incrementAndGet();
                    }
                    // only terminal events are parsed (the worker writes compact JSON): this process shares the
                    // cores with the worker, and parsing every event was a quarter of its CPU
                    if (!text.contains(TERMINAL)) {
                        continue;
                    }
                    Map<String, Object> event = read(record.value());
                    if (Boolean.TRUE.equals(event.get("terminal"))) {
                        Object error = event.get("error");
                        Terminal terminal = new Terminal(record.key(), (String) event.get("status"),
                                (String) event.get("provider"), (String) event.get("providerTaskId"),
                                error instanceof Map<?, ?> m ? String.valueOf(m.get("code")) : null,
                                error instanceof Map<?, ?> m ? String.valueOf(m.get("message")) : null,
                                Instant.parse((String) event.get("occurredAt")).toEpochMilli(), now,
                                storedUris(event.get("images")));
                        if (terminals.putIfAbsent(record.key(), terminal) != null) {
                            extraTerminals.incrementAndGet();
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The {@code images[].stored.uri} of an event (result custody), in order. */
    private static List<String> storedUris(Object images) {
        List<String> uris = new java.util.ArrayList<>();
        if (images instanceof List<?> list) {
            for (Object image : list) {
                if (image instanceof Map<?, ?> m && m.get("stored") instanceof Map<?, ?> stored) {
                    uris.add(String.valueOf(stored.get("uri")));
                }
            }
        }
        return uris;
    }

    private static Map<String, Object> read(byte[] value) {
        try {
            return JSON.readValue(value, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("the worker wrote an event that is not JSON", e);
        }
    }

    Map<String, Terminal> terminals() {
        return terminals;
    }

    long events() {
        return events.get();
    }

    /** Events that contained one of the secrets (there must be none). */
    long withSecrets() {
        return withSecrets.get();
    }

    /** Terminal events beyond the first for a commandId (the contract says there are none). */
    long extraTerminals() {
        return extraTerminals.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
