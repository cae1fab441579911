package dev.imagegen.worker.kafka;

import dev.imagegen.core.TaskId;
import java.util.Collection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions this worker owns and the tasks it drives in them. Confined to the loop thread.
 */
final class Ownership {

    /** A command handed to the engine, waiting for its first save. */
    record Awaiting(int partition, long offset, long sinceNanos) {
    }

    private final Map<Integer, PartitionState> partitions = new HashMap<>();
    private final Map<TaskId, Integer> partitionOf = new HashMap<>();
    private final Map<TaskId, Awaiting> awaiting = new LinkedHashMap<>();
    /** Cancel commands handed to the engine, by task: their offsets stay uncommitted until the task's end is. */
    private final Map<TaskId, List<Awaiting>> awaitingEnd = new HashMap<>();
    private final Set<TaskId> inDoubt = new HashSet<>();
    /** When each task's state was last written to the tasks topic (or restored from it). */
    private final Map<TaskId, Instant> writtenAt = new HashMap<>();

    PartitionState partition(int partition) {
        return partitions.get(partition);
    }

    void own(PartitionState state) {
        partitions.put(state.partition, state);
    }

    Set<Integer> owned() {
        return Set.copyOf(partitions.keySet());
    }

    /** The commandIds the owned partitions remember (in flight, or finished within the dedup retention). */
    long rememberedIds() {
        long ids = 0;
        for (PartitionState state : partitions.values()) {
            ids += state.known.size();
        }
        return ids;
    }

    /** The bytes of the tables that hold them. */
    long rememberedBytes() {
        long bytes = 0;
        for (PartitionState state : partitions.values()) {
            bytes += state.known.tableBytes();
        }
        return bytes;
    }

    /** A task this worker drives from now on (resumed or new). */
    void drive(TaskId id, int partition) {
        partitionOf.put(id, partition);
    }

    /** A new command handed to the engine: its offset stays uncommitted until its first save is written. */
    void awaitFirstSave(TaskId id, int partition, long offset) {
        drive(id, partition);
        awaiting.put(id, new Awaiting(partition, offset, System.nanoTime()));
        partitions.get(partition).pending.add(offset);
    }

    /** A cancel handed to the engine: its offset stays uncommitted until the task's terminal save is written. */
    void awaitTerminalSave(TaskId id, int partition, long offset) {
        awaitingEnd.computeIfAbsent(id, k -> new ArrayList<>()).add(new Awaiting(partition, offset, System.nanoTime()));
        partitions.get(partition).pending.add(offset);
    }

    /** The task's state was written (or read back) at {@code at}. */
    void written(TaskId id, Instant at) {
        if (partitionOf.containsKey(id)) {
            writtenAt.put(id, at);
        }
    }

    /** Tasks driven here whose state was last written before {@code at}. */
    List<TaskId> writtenBefore(Instant at) {
        return writtenAt.entrySet().stream().filter(e -> e.getValue().isBefore(at)).map(Map.Entry::getKey).toList();
    }

    Integer partitionOf(TaskId id) {
        return partitionOf.get(id);
    }

    /** The task's save is in the batch being written: its command's offset may now be committed. */
    void saved(TaskId id, boolean terminal, boolean submitInDoubt) {
        Awaiting a = awaiting.remove(id);
        if (a != null) {
            PartitionState state = partitions.get(a.partition());
            if (state != null) {
                state.pending.remove(a.offset());
            }
        }
        if (terminal) {
            for (Awaiting cancel : awaitingEnd.getOrDefault(id, List.of())) {
                PartitionState state = partitions.get(cancel.partition());
                if (state != null) {
                    state.pending.remove(cancel.offset());
                }
            }
            awaitingEnd.remove(id);
            partitionOf.remove(id);
            writtenAt.remove(id);
            inDoubt.remove(id);
        } else if (submitInDoubt) {
            inDoubt.add(id);
        } else {
            inDoubt.remove(id);
        }
    }

    /** Forgets a task (given up on, or never submitted). */
    void untrack(TaskId id) {
        saved(id, true, false);
    }

    boolean inDoubt(TaskId id) {
        return inDoubt.contains(id);
    }

    /** Whether any task of these partitions has a submit whose answer is not written yet. */
    boolean anyInDoubt(Collection<Integer> ofPartitions) {
        return inDoubt.stream().anyMatch(id -> ofPartitions.contains(partitionOf.get(id)));
    }

    int inDoubtCount() {
        return inDoubt.size();
    }

    /** Tasks waiting longer than {@code nanos} for their first save (an engine failure; given up on). */
    List<TaskId> stuck(long nanos) {
        long now = System.nanoTime();
        return awaiting.entrySet().stream().filter(e -> now - e.getValue().sinceNanos() > nanos)
                .map(Map.Entry::getKey).toList();
    }

    List<TaskId> tasksOf(Collection<Integer> ofPartitions) {
        return partitionOf.entrySet().stream().filter(e -> ofPartitions.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /** Drops the partitions and everything of them. */
    void drop(Collection<Integer> ofPartitions) {
        for (Iterator<Map.Entry<TaskId, Integer>> it = partitionOf.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TaskId, Integer> e = it.next();
            if (ofPartitions.contains(e.getValue())) {
                inDoubt.remove(e.getKey());
                awaiting.remove(e.getKey());
                awaitingEnd.remove(e.getKey());
                writtenAt.remove(e.getKey());
                it.remove();
            }
        }
        partitions.keySet().removeAll(ofPartitions);
    }

    /** The offsets to commit for every owned partition that consumed something. */
    Map<TopicPartition, OffsetAndMetadata> offsets(String topic) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (PartitionState state : partitions.values()) {
            long offset = state.committable();
            if (offset >= 0) {
                offsets.put(new TopicPartition(topic, state.partition), new OffsetAndMetadata(offset));
            }
        }
        return offsets;
    }
}
