package dev.imagegen.worker.kafka;

import dev.imagegen.worker.WorkerMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;

/**
 * The transactional producer: writes an outbox together with the consumed offsets of every owned partition, in one
 * transaction. Confined to the loop thread.
 */
final class Transactions {

    private final Supplier<Producer<byte[], byte[]>> producers;
    private final Consumer<byte[], byte[]> consumer;
    private final Ownership ownership;
    private final String commandsTopic;
    private final WorkerMetrics metrics;
    private Producer<byte[], byte[]> producer;
    private Map<TopicPartition, OffsetAndMetadata> lastOffsets = Map.of();
    /** A transaction failed and is not aborted yet (or the producer that replaces it is not initialised yet). */
    private boolean broken;

    Transactions(Supplier<Producer<byte[], byte[]>> producers, Consumer<byte[], byte[]> consumer, Ownership ownership,
                 String commandsTopic, WorkerMetrics metrics) {
        this.producers = producers;
        this.consumer = consumer;
        this.ownership = ownership;
        this.commandsTopic = commandsTopic;
        this.metrics = metrics;
    }

    void open() {
        producer = producers.get();
        producer.initTransactions();
    }

    /** Writes the outbox and the offsets in one transaction, when there is anything to write; throws on failure. */
    void commit(Outbox outbox) {
        knowPositions();
        Map<TopicPartition, OffsetAndMetadata> offsets = ownership.offsets(commandsTopic);
        if (outbox.isEmpty() && offsets.equals(lastOffsets)) {
            return;
        }
        long start = System.nanoTime();
        try {
            outbox.commit(producer, offsets, consumer.groupMetadata());
        } catch (RuntimeException e) {
            metrics.failedTransaction();
            broken = true;
            outbox.failed(e);
            throw e;
        }
        lastOffsets = offsets;
        outbox.committed(metrics, System.nanoTime() - start);
    }

    /**
     * After a failed transaction: aborts it, or replaces a producer that cannot abort (fenced, fatal, or a commit
     * that timed out). Throws while the broker does not answer; calling it again then goes on where it stopped, and
     * once it succeeded it does nothing until the next failure.
     */
    void recover() {
        lastOffsets = Map.of();
        if (!broken) {
            return;
        }
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            open();
        }
        broken = false;
    }

    void close(Duration timeout) {
        if (producer != null) {
            producer.close(timeout);
        }
    }

    /**
     * Learns the position of owned partitions that consumed nothing yet, so that every transaction carries the
     * offsets of every owned partition: a worker that lost its partitions without noticing (a zombie) then cannot
     * commit anything, since the group refuses its offsets.
     */
    private void knowPositions() {
        for (int partition : ownership.owned()) {
            PartitionState state = ownership.partition(partition);
            if (state.next < 0) {
                try {
                    state.next = consumer.position(new TopicPartition(commandsTopic, partition), Duration.ZERO);
                } catch (RuntimeException e) {
                    // not known yet: the next turn asks again
                }
            }
        }
    }
}
