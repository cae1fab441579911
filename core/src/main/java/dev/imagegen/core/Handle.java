package dev.imagegen.core;

import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskEvent;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** A {@link GenerationHandle} over the engine's result of one task. Thread-safe. */
final class Handle implements GenerationHandle {

    private final TaskId id;
    private final CompletableFuture<Task> task;
    private final CompletableFuture<GenerationResult> result;
    private final TaskDriver driver;
    private final Notifier notifier;

    Handle(TaskId id, CompletableFuture<Task> task, TaskDriver driver, Notifier notifier) {
        this.id = id;
        this.task = task;
        this.result = task.thenApply(GenerationResult::of);
        this.driver = driver;
        this.notifier = notifier;
    }

    @Override
    public TaskId id() {
        return id;
    }

    @Override
    public CompletionStage<GenerationResult> result() {
        return result.minimalCompletionStage();
    }

    @Override
    public void onEvent(Consumer<TaskEvent> listener) {
        notifier.watch(id, Objects.requireNonNull(listener, "listener"), task);
    }

    @Override
    public Flow.Publisher<TaskEvent> events() {
        return new TaskEvents(this);
    }

    @Override
    public CompletionStage<Boolean> cancel() {
        return driver.cancel(id, null);
    }
}
