package dev.imagegen.worker.kafka;

import java.util.function.BiConsumer;

/** Reads one partition of the tasks topic to its end. */
public interface PartitionRestorer extends AutoCloseable {

    /**
     * Reads the partition from its start to its end, handing each record's key and value (null for a tombstone) to
     * {@code records} in offset order, so that the caller keeps only what it needs.
     */
    void read(int partition, BiConsumer<String, byte[]> records);

    @Override
    void close();
}
