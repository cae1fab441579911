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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the next transaction writes: events, task-state records and DLQ records, plus the saves to complete once it
 * committed. Confined to the loop thread.
 */
final class Outbox {

    static final String ERROR_HEADER = "imagegen.error";
    static final String SOURCE_HEADER = "imagegen.source";
    /** On a DLQ marker written instead of a record too large for the DLQ: the original value's size in bytes. */
    static final String ORIGINAL_SIZE_HEADER = "imagegen.original.size";
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Header[] NO_HEADERS = new Header[0];

    private final RecordLimits limits;

    private final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    private final List<CompletableFuture<Void>> onCommit = new ArrayList<>();
    private final List<String> eventStatuses = new ArrayList<>();
    private int dlq;

    Outbox(RecordLimits limits) {
        this.limits = limits;
    }

    /**
     * An event, with its command's trace context as W3C headers ({@link TraceHeaders#of}, none when it has none;
     * CONTRACT §5.3).
     */
    void event(String topic, String commandId, byte[] value, String status, Header[] headers) {
        records.add(new ProducerRecord<>(topic, null, commandId.getBytes(StandardCharsets.UTF_8), value,
                new RecordHeaders(headers)));
        eventStatuses.add(status);
    }

    void state(String topic, int partition, String commandId, byte[] value) {
        records.add(new ProducerRecord<>(topic, partition, commandId.getBytes(StandardCharsets.UTF_8), value));
    }

    /**
     * A dead letter: the source record unchanged, with the reason and where it came from. When that would be over
     * the DLQ topic's limit, a marker instead: the value left out (empty), its size in a header and the reason
     * saying why; then the source's own headers too, and its key, as far as needed to fit.
     */
    void dlq(String topic, ConsumerRecord<byte[], byte[]> source, String reason) {
        String from = source.topic() + "-" + source.partition() + "@" + source.offset();
        Header[] headers = source.headers().toArray();
        ProducerRecord<byte[], byte[]> record = deadLetter(topic, source.key(), source.value(), headers, reason, from);
        if (size(record) > limits.dlq()) {
            int valueSize = source.value() == null ? 0 : source.value().length;
            String why = reason + "; the value was left out: the record with the original value of " + valueSize
                    + " bytes exceeded the DLQ topic's limit of " + limits.dlq() + " bytes";
            record = marker(topic, source.key(), headers, why, from, valueSize);
            if (size(record) > limits.dlq()) {
                why += "; so were the original headers";
                record = marker(topic, source.key(), NO_HEADERS, why, from, valueSize);
            }
            if (size(record) > limits.dlq()) {
                why += " and the key";
                record = marker(topic, null, NO_HEADERS, why, from, valueSize);
            }
            LOG.warn("the dead letter of {} would exceed the limit of {} bytes of topic {}; a marker without the "
                    + "{}-byte value goes there instead", from, limits.dlq(), topic, valueSize);
        }
        records.add(record);
        dlq++;
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(String topic, byte[] key, byte[] value, Header[] original,
                                                             String reason, String from) {
        RecordHeaders headers = new RecordHeaders(original);
        headers.add(ERROR_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_HEADER, from.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    private static ProducerRecord<byte[], byte[]> marker(String topic, byte[] key, Header[] original, String reason,
                                                         String from, int valueSize) {
        ProducerRecord<byte[], byte[]> record = deadLetter(topic, key, new byte[0], original, reason, from);
        record.headers().add(ORIGINAL_SIZE_HEADER, Integer.toString(valueSize).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static int size(ProducerRecord<byte[], byte[]> record) {
        return RecordLimits.sizeOf(record.key(), record.value(), record.headers().toArray());
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
