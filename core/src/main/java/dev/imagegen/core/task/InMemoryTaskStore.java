package dev.imagegen.core.task;

import dev.imagegen.core.TaskId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tasks in a map: durable for the life of the process. Terminal tasks are kept (they answer duplicate submits)
 * until {@link #forgetFinished()} is called. Thread-safe.
 */
public final class InMemoryTaskStore implements TaskStore {

    private final ConcurrentMap<TaskId, Task> tasks = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> save(Task task, TaskEvent event) {
        tasks.put(task.id(), task);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Optional<Task> find(TaskId id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public List<Task> unfinished() {
        return tasks.values().stream().filter(t -> !t.terminal()).toList();
    }

    /** Drops terminal tasks; returns how many. */
    public int forgetFinished() {
        int before = tasks.size();
        tasks.values().removeIf(Task::terminal);
        return before - tasks.size();
    }

    public int size() {
        return tasks.size();
    }
}
