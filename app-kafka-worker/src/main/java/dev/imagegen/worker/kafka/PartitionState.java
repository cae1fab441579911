package dev.imagegen.worker.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** What the loop knows about one owned partition of the commands topic. Confined to the loop thread. */
final class PartitionState {

    final int partition;
    /**
     * Every commandId seen in this partition: in flight, or finished (or answered as invalid) within the dedup
     * retention.
     */
    final CommandIds known = new CommandIds();
    /** A cancel that came before its generate command: its reason (or null) and the minute it came. */
    record EarlyCancel(String reason, int minute) {
    }

    /** Cancels that came before their generate command, by commandId. */
    final Map<String, EarlyCancel> cancelledBefore = new HashMap<>();
    /** Offsets of commands handed to the engine whose first save is not written yet. */
    final TreeSet<Long> pending = new TreeSet<>();
    /** The offset after the last record consumed, or -1 before the first. */
    long next = -1;

    PartitionState(int partition) {
        this.partition = partition;
    }

    /** The offset up to which every command is settled (all before it are written or ignored), or -1. */
    long committable() {
        return pending.isEmpty() ? next : pending.first();
    }
}
