package dev.imagegen.worker.kafka;

import dev.imagegen.worker.config.WorkerConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Creates the worker's Kafka clients from its configuration. */
public final class KafkaClients {

    /** How long a transaction of a crashed worker may stay open before the broker aborts it. */
    public static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_REQUEST_SIZE = 16 * 1024 * 1024;

    private final WorkerConfig config;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);

    public KafkaClients(WorkerConfig config) {
        this.config = config;
    }

    /** The group member: manual offsets, read_committed, cooperative rebalancing. */
    public Consumer<byte[], byte[]> commandConsumer() {
        return new KafkaConsumer<>(commandConsumerProperties(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    Map<String, Object> commandConsumerProperties() {
        Map<String, Object> p = common();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-" + instance);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // a dead worker's partitions move after 10 s instead of Kafka's default 45 s; the price is that a pause of
        // the worker (a long GC, a stalled network) over 10 s also moves them (IMAGEGEN_KAFKA_SESSION_TIMEOUT_MS)
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        p.putAll(overrides("consumer."));
        return p;
    }

    /** A reader of the tasks topic without a group. */
    public Consumer<byte[], byte[]> restoreConsumer() {
        return new KafkaConsumer<>(restoreConsumerProperties(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    Map<String, Object> restoreConsumerProperties() {
        Map<String, Object> p = common();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-" + instance + "-restore");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        return p;
    }

    /** The producer's {@code max.request.size}: ours, or the one the overrides set. */
    public int maxRequestSize() {
        Object value = overrides("producer.").getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_SIZE);
        return Integer.parseInt(value.toString());
    }

    /** The transactional producer; one transactional id per worker instance (zombies are fenced by the group). */
    public Producer<byte[], byte[]> producer() {
        return new KafkaProducer<>(producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    Map<String, Object> producerProperties() {
        Map<String, Object> p = common();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.groupId() + "-" + instance + "-producer");
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.groupId() + "-" + instance);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
        // A broker outage: a transaction's calls wait up to max.block.ms (60 s) for the broker, so a shorter outage
        // is ridden out inside one transaction (no reset at all: the 30 s outage of BrokerOutageIT), and a blocked
        // call goes on as soon as the broker answers. A longer outage fails the transaction; the loop then resets in
        // place and its calls wait again. 60 s stays well below max.poll.interval.ms (5 min), so the blocked loop
        // keeps its group membership; delivery.timeout.ms (120 s) stays above it, so batches never expire before
        // the commit gives up. transaction.timeout.ms (15 s) bounds a crashed worker's open transaction only.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_SIZE);
        // Back-to-back transactions: the coordinator answers the next transaction's offsets CONCURRENT_TRANSACTIONS
        // until the previous one's markers are written, and the client retries after retry.backoff.ms (100 ms by
        // default; KAFKA-5477 shortened it for AddPartitions only). 10 ms cut back-to-back transactions with offsets
        // from 118 ms to 34 ms (medians, side by side, local broker); repeated failures still back off to 1 s.
        p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
        p.putAll(overrides("producer."));
        return p;
    }

    /**
     * A plain (not transactional) producer for callbacks handed to the worker that drives their task: idempotent,
     * acknowledged by every in-sync replica.
     */
    public Producer<byte[], byte[]> relayProducer() {
        Map<String, Object> p = common();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.groupId() + "-" + instance + "-relay");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.putAll(overrides("producer."));
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public Admin admin() {
        return Admin.create(adminProperties());
    }

    Map<String, Object> adminProperties() {
        return common();
    }

    /** What every client gets: the bootstrap servers and the {@code IMAGEGEN_KAFKA_*} properties (ours win). */
    private Map<String, Object> common() {
        Map<String, Object> p = new HashMap<>(config.kafka().properties());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return p;
    }

    private Map<String, Object> overrides(String prefix) {
        Map<String, Object> out = new HashMap<>();
        config.clientOverrides().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
