package dev.imagegen.worker.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;

/**
 * The largest record the worker can write to each topic, in bytes as Kafka counts them (a batch of one record):
 * the topic's {@code max.message.bytes}, capped by the producer's {@code max.request.size}. A record over its limit
 * would fail the whole transaction, every time it is retried, so the worker writes a smaller stand-in instead: a
 * DLQ marker without the value, an event without its warnings and metadata, or, for a task whose state does not
 * fit, a FAILED answer.
 *
 * @param dlq    limit of the DLQ topic
 * @param events limit of the events topic
 * @param tasks  limit of the tasks topic
 */
public record RecordLimits(int dlq, int events, int tasks) {

    /** No limit (for tests on mock clients). */
    public static final RecordLimits NONE = new RecordLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE);
    /**
     * The smallest limit the worker starts with: its stand-ins must fit, and so must a batch of several small
     * records (at most the producer's default {@code batch.size}, 16 KiB).
     */
    public static final int FLOOR = 16 * 1024;

    /** Bytes of a v2 record batch header (with the log's offset and length), as the broker counts a batch. */
    private static final int BATCH_OVERHEAD = 61;
    /** The record's length, attributes, timestamp and offset deltas, key and value lengths, header count. */
    private static final int RECORD_OVERHEAD = 5 + 1 + 10 + 5 + 5 + 5 + 5;
    private static final int HEADER_OVERHEAD = 5 + 5;

    public RecordLimits {
        if (dlq < 1 || events < 1 || tasks < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** An upper bound of the size of a batch holding just this record (uncompressed). */
    static int sizeOf(byte[] key, byte[] value, Header[] headers) {
        long size = BATCH_OVERHEAD + RECORD_OVERHEAD + length(key) + length(value);
        for (Header header : headers) {
            size += HEADER_OVERHEAD + header.key().getBytes(StandardCharsets.UTF_8).length + length(header.value());
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
