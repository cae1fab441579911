package dev.imagegen.worker.kafka;

import dev.imagegen.core.GenerationHost;
import dev.imagegen.core.TaskId;
import dev.imagegen.core.task.Task;
import dev.imagegen.worker.codec.StoredTask;
import dev.imagegen.worker.codec.TaskStateCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes partitions over (restores their tasks from the tasks topic and resumes them) and gives them up (releases
 * their tasks from the engine). Confined to the loop thread.
 */
final class Handover {

    private static final Logger LOG = LoggerFactory.getLogger(Handover.class);

    private final PartitionRestorer restorer;
    private final TaskStateCodec codec;
    private final GenerationHost engine;
    private final KafkaTaskStore store;
    private final Ownership ownership;
    private final Intake intake;
    private final Clock clock;
    private final Duration retention;

    Handover(PartitionRestorer restorer, TaskStateCodec codec, GenerationHost engine, KafkaTaskStore store,
             Ownership ownership, Intake intake, Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
        this.restorer = restorer;
        this.codec = codec;
        this.engine = engine;
        this.store = store;
        this.ownership = ownership;
        this.intake = intake;
    }

    /** Reads each partition's tasks to the end, then resumes the unfinished ones (polled, never resubmitted). */
    void takeOver(Collection<TopicPartition> partitions) {
        List<Map.Entry<Task, Integer>> resume = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            if (ownership.partition(tp.partition()) != null) {
                continue;
            }
            PartitionState state = new PartitionState(tp.partition());
            Instant now = clock.instant();
            int nowMinute = CommandIds.minute(now);
            int stale = CommandIds.minute(now.minus(retention));
            Map<String, Task> unfinished = new LinkedHashMap<>();
            Map<String, String> unreadable = new HashMap<>();
            restorer.read(tp.partition(), (key, value) -> {
                unfinished.remove(key);
                unreadable.remove(key);
                state.cancelledBefore.remove(key);
                if (value == null) {
                    state.known.remove(key);
                    return;
                }
                try {
                    StoredTask stored = codec.read(value);
                    state.known.remove(key);
                    if (stored instanceof StoredTask.CancelRequested cancel) {
                        state.cancelledBefore.put(key, new PartitionState.EarlyCancel(cancel.reason(), nowMinute));
                    } else if (stored instanceof StoredTask.InFlight inFlight) {
                        state.known.add(key, CommandIds.IN_FLIGHT);
                        unfinished.put(key, inFlight.task());
                    } else {
                        Instant at = ((StoredTask.Finished) stored).finishedAt();
                        int finished = at == null ? nowMinute : CommandIds.minute(at);
                        if (finished >= stale) {
                            state.known.add(key, finished);
                        }
                    }
                } catch (IllegalArgumentException e) {
                    state.known.add(key, nowMinute);
                    unreadable.put(key, e.getMessage());
                }
            });
            unreadable.forEach((key, why) -> LOG.error("task state of '{}' in tasks partition {} is unreadable; its "
                    + "commandId stays known and the task is not resumed: {}", key, tp.partition(), why));
            unfinished.values().forEach(task -> resume.add(Map.entry(task, tp.partition())));
            ownership.own(state);
        }
        for (Map.Entry<Task, Integer> entry : resume) {
            Task task = entry.getKey();
            ownership.drive(task.id(), entry.getValue());
            // the age of a restored record is unknown: write it again in the next retention passes
            ownership.written(task.id(), Instant.EPOCH);
            ownership.saved(task.id(), false, task.submitInDoubt());
            store.restored(task);
            engine.resume(task);
        }
        if (!partitions.isEmpty()) {
            LOG.info("took over partitions {} and resumed {} tasks", partitionNumbers(partitions), resume.size());
        }
    }

    /** Stops driving the partitions' tasks (their state stays in the tasks topic for the next owner). */
    void giveUp(Collection<Integer> partitions) {
        List<TaskId> tasks = ownership.tasksOf(partitions);
        List<CompletableFuture<Void>> released = new ArrayList<>();
        for (TaskId id : tasks) {
            released.add(engine.release(id).toCompletableFuture());
            store.forget(id);
        }
        awaitReleases(released);
        ownership.drop(partitions);
        intake.dropHeld(partitions);
        if (!partitions.isEmpty()) {
            LOG.info("gave up partitions {} with {} tasks in flight", partitions, tasks.size());
        }
    }

    /** Waits until the engine let go of the released tasks (releases are asynchronous). */
    private static void awaitReleases(List<CompletableFuture<Void>> released) {
        try {
            CompletableFuture.allOf(released.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the engine did not confirm releases: {}", e.toString());
        }
    }

    void close() {
        restorer.close();
    }

    static Set<Integer> partitionNumbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
