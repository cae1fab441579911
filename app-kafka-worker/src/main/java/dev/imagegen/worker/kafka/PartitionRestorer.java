package dev.imagegen.worker.kafka;

import java.util.Map;

/** Reads one partition of the tasks topic to its end. */
public interface PartitionRestorer extends AutoCloseable {

    /** The latest value of every key in the partition (tombstones removed), by key. */
    Map<String, byte[]> read(int partition);

    @Override
    void close();
}
