package dev.imagegen.core;

import dev.imagegen.core.task.TaskEvent;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * One submitted task: its id, its result, and its events as they happen. Thread-safe.
 */
public interface GenerationHandle {

    TaskId id();

    /**
     * Completes once the task is over, with how it ended (a failure is a value, not an exception). Completes
     * exceptionally only with a {@link TaskAbandonedException}: the engine was closed first, the task was handed to
     * another process, or the task store failed before any vendor call. Callbacks on it run on the engine's
     * notification threads, never on its scheduler.
     */
    CompletionStage<GenerationResult> result();

    /**
     * Calls {@code listener} with each event of this task from now on, in order: state changes and the vendor's
     * progress ({@link TaskEvent#progress()}), the terminal event last (at once if the task is already over). Runs on
     * a notification thread of its own: a slow listener delays nothing else.
     */
    void onEvent(Consumer<TaskEvent> listener);

    /** The same events as {@link #onEvent}, as a publisher that completes after the terminal event. */
    Flow.Publisher<TaskEvent> events();

    /**
     * Asks for the task to be cancelled; the vendor is asked to cancel its task where it can (the result's
     * {@code vendorCancellation} says what it answered). Completes with whether the task was still running.
     */
    CompletionStage<Boolean> cancel();
}
