package dev.imagegen.worker.cli;

import dev.imagegen.spi.ConfigException;
import dev.imagegen.worker.config.WorkerConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The Kafka clients of {@code submit} and {@code tail}, from the worker's environment (topics, IMAGEGEN_KAFKA_*). */
record Clients(WorkerConfig config) {

    private static final Duration METADATA = Duration.ofSeconds(30);

    /** Null, after one line naming the setting, when the environment is incomplete or malformed. */
    static Clients of(Map<String, String> env, PrintStream err) {
        try {
            return new Clients(WorkerConfig.read(env));
        } catch (ConfigException e) {
            err.println("imagegen: " + e.getMessage());
            return null;
        }
    }

    private Map<String, Object> common() {
        Map<String, Object> p = new HashMap<>(config.kafka().properties());
        p.put("bootstrap.servers", config.bootstrapServers());
        return p;
    }

    /** A consumer without a group, reading committed events only; assign it with {@link #eventPartitions}. */
    KafkaConsumer<byte[], byte[]> eventConsumer() {
        Map<String, Object> p = common();
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Assigns every partition of the events topic to the consumer and returns them. */
    List<TopicPartition> eventPartitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(config.topics().events(), METADATA);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("no topic " + config.topics().events() + " (is a worker running?)");
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
                .toList();
        consumer.assign(partitions);
        return partitions;
    }

    KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(common(), new ByteArraySerializer(), new ByteArraySerializer());
    }
}
