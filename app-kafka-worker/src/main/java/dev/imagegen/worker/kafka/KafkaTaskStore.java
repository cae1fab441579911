package dev.imagegen.worker.kafka;

import dev.imagegen.core.TaskId;
import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.core.task.TaskStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The engine's task store, backed by the tasks topic: {@link #save} hands the task and its event to the worker's
 * loop through a queue and returns a stage that the loop completes only after the Kafka transaction holding them
 * committed (or exceptionally, when the task's partition was handed to another worker). Thread-safe.
 */
public final class KafkaTaskStore implements TaskStore {

    /** One save waiting for the loop. */
    record Save(Task task, TaskEvent event, CompletableFuture<Void> done) {
    }

    private final BlockingQueue<Save> saves = new LinkedBlockingQueue<>();
    private final ConcurrentMap<TaskId, Task> inFlight = new ConcurrentHashMap<>();
    private volatile Runnable onSave = () -> { };

    /** Something to run after each save is queued (the loop wakes its consumer). */
    void onSave(Runnable hook) {
        onSave = hook;
    }

    @Override
    public CompletionStage<Void> save(Task task, TaskEvent event) {
        if (task.terminal()) {
            inFlight.remove(task.id());
        } else {
            inFlight.put(task.id(), task);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        saves.add(new Save(task, event, done));
        onSave.run();
        return done;
    }

    @Override
    public Optional<Task> find(TaskId id) {
        return Optional.ofNullable(inFlight.get(id));
    }

    @Override
    public List<Task> unfinished() {
        return List.copyOf(inFlight.values());
    }

    /** A task read back from the tasks topic, about to be resumed. */
    void restored(Task task) {
        inFlight.put(task.id(), task);
    }

    /** A task this process no longer drives. */
    void forget(TaskId id) {
        inFlight.remove(id);
    }

    /** Every save queued now, without waiting. */
    List<Save> drain() {
        List<Save> out = new ArrayList<>();
        saves.drainTo(out);
        return out;
    }

    /** Waits up to {@code wait} for a save, then takes every save queued. */
    List<Save> awaitAndDrain(Duration wait) throws InterruptedException {
        Save first = saves.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        List<Save> out = new ArrayList<>();
        if (first != null) {
            out.add(first);
            saves.drainTo(out);
        }
        return out;
    }
}
