package dev.imagegen.core;

import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Tells the world what the engine did, off the engine's thread: each listener and each watcher of a task hears its
 * events in order on a lane of its own, and results complete on one lane of their own, so a slow listener or result
 * callback delays neither the engine nor anyone else's notifications. Thread-safe.
 */
final class Notifier {

    private record Watcher(Consumer<TaskEvent> consumer, SerialLane lane) {
    }

    private final Executor executor;
    private final List<Watcher> listeners;
    private final SerialLane results;
    private final Map<TaskId, List<Watcher>> watchers = new ConcurrentHashMap<>();

    Notifier(List<TaskListener> listeners, Executor executor) {
        this.executor = executor;
        this.listeners = listeners.stream().map(l -> new Watcher(l::onEvent, new SerialLane(executor))).toList();
        this.results = new SerialLane(executor);
    }

    /** An event the store made durable. */
    void event(TaskEvent event) {
        for (Watcher listener : listeners) {
            listener.lane().run(() -> listener.consumer().accept(event));
        }
        List<Watcher> ofTask = event.terminal() ? watchers.remove(event.taskId()) : watchers.get(event.taskId());
        if (ofTask != null) {
            for (Watcher watcher : ofTask) {
                watcher.lane().run(() -> watcher.consumer().accept(event));
            }
        }
    }

    /** Follows one task's events from now on; a task that is already over gets its last event at once. */
    void watch(TaskId id, Consumer<TaskEvent> consumer, CompletableFuture<Task> result) {
        Watcher watcher = new Watcher(consumer, new SerialLane(executor));
        watchers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(watcher);
        result.thenAccept(done -> {
            List<Watcher> left = watchers.get(id);
            if (left != null && left.remove(watcher)) {
                watchers.remove(id, List.of());
                watcher.lane().run(() -> consumer.accept(TaskEvent.of(done)));
            }
        });
    }

    void complete(CompletableFuture<Task> result, Task task) {
        results.run(() -> result.complete(task));
    }

    void fail(CompletableFuture<Task> result, Throwable why) {
        results.run(() -> result.completeExceptionally(why));
    }
}
