package dev.imagegen.worker.kafka;

import dev.imagegen.worker.WorkerMetrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What the next transaction writes: events, task-state records and DLQ records, plus the saves to complete once it
 * committed. Confined to the loop thread.
 */
final class Outbox {

    static final String ERROR_HEADER = "imagegen.error";
    static final String SOURCE_HEADER = "imagegen.source";

    private final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    private final List<CompletableFuture<Void>> onCommit = new ArrayList<>();
    private final List<String> eventStatuses = new ArrayList<>();
    private int dlq;

    void event(String topic, String commandId, byte[] value, String status) {
        records.add(new ProducerRecord<>(topic, commandId.getBytes(StandardCharsets.UTF_8), value));
        eventStatuses.add(status);
    }

    void state(String topic, int partition, String commandId, byte[] value) {
        records.add(new ProducerRecord<>(topic, partition, commandId.getBytes(StandardCharsets.UTF_8), value));
    }

    void dlq(String topic, ConsumerRecord<byte[], byte[]> source, String reason) {
        RecordHeaders headers = new RecordHeaders(source.headers().toArray());
        headers.add(ERROR_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_HEADER, (source.topic() + "-" + source.partition() + "@" + source.offset())
                .getBytes(StandardCharsets.UTF_8));
        records.add(new ProducerRecord<>(topic, null, source.key(), source.value(), headers));
        dlq++;
    }

    void completeOnCommit(CompletableFuture<Void> save) {
        onCommit.add(save);
    }

    boolean isEmpty() {
        return records.isEmpty() && onCommit.isEmpty();
    }

    /** Writes everything and the offsets in one transaction; throws what the producer throws. */
    void commit(Producer<byte[], byte[]> producer, Map<TopicPartition, OffsetAndMetadata> offsets,
                ConsumerGroupMetadata group) {
        producer.beginTransaction();
        for (ProducerRecord<byte[], byte[]> record : records) {
            producer.send(record);
        }
        if (!offsets.isEmpty()) {
            producer.sendOffsetsToTransaction(offsets, group);
        }
        producer.commitTransaction();
    }

    /** After a commit that took {@code nanos}: completes the saves, counts, and empties. */
    void committed(WorkerMetrics metrics, long nanos) {
        metrics.committed(nanos);
        eventStatuses.forEach(metrics::event);
        if (dlq > 0) {
            metrics.dlq(dlq);
        }
        onCommit.forEach(f -> f.complete(null));
        clear();
    }

    /** After a failed commit: fails the saves and empties. */
    void failed(Throwable why) {
        onCommit.forEach(f -> f.completeExceptionally(why));
        clear();
    }

    private void clear() {
        records.clear();
        onCommit.clear();
        eventStatuses.clear();
        dlq = 0;
    }
}
