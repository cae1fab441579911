package dev.imagegen.core;

import dev.imagegen.core.task.Task;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A submitted task: its id, its current state, and its result, which completes when the task is terminal
 * (SUCCEEDED, FAILED or CANCELLED; a failure is a value on the task, not an exception). Thread-safe.
 */
public interface GenerationHandle {

    TaskId id();

    /**
     * Completes with the terminal task. Completes exceptionally only if the task store failed, or the task was
     * released to another process ({@link ImageGeneration#release}).
     */
    CompletionStage<Task> result();

    /** The task as it is now, if the store has it. */
    Optional<Task> current();

    /** Asks for the task to be cancelled; completes with whether it was still running. */
    CompletionStage<Boolean> cancel();
}
