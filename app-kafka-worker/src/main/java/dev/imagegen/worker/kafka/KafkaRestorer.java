package dev.imagegen.worker.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a tasks partition with a read_committed consumer of its own (no group) up to the partition's high
 * watermark as it was when the read began, so that it also waits for a transaction the previous owner left open
 * (a crashed worker's, aborted by the broker after {@code transaction.timeout.ms}) instead of stopping short of it.
 */
final class KafkaRestorer implements PartitionRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRestorer.class);

    private final Admin admin;
    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Duration maxWait;

    KafkaRestorer(Admin admin, Consumer<byte[], byte[]> consumer, String topic, Duration maxWait) {
        this.admin = admin;
        this.consumer = consumer;
        this.topic = topic;
        this.maxWait = maxWait;
    }

    @Override
    public void read(int partition, BiConsumer<String, byte[]> records) {
        TopicPartition tp = new TopicPartition(topic, partition);
        long end = highWatermark(tp);
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (consumer.position(tp) < end && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key() == null) {
                    continue;
                }
                records.accept(new String(record.key(), StandardCharsets.UTF_8), record.value());
            }
        }
        if (consumer.position(tp) < end) {
            LOG.warn("tasks partition {} read to {} of {} within {}: a transaction there is still open",
                    tp, consumer.position(tp), end, maxWait);
        }
        consumer.assign(List.of());
    }

    private long highWatermark(TopicPartition tp) {
        try {
            return admin.listOffsets(Map.of(tp, OffsetSpec.latest()),
                            new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .partitionResult(tp).get(30, TimeUnit.SECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while reading the end of " + tp, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot read the end of " + tp, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
