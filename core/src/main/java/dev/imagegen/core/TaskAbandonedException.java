package dev.imagegen.core;

/**
 * A task's result will not come from this engine: it was closed, the task was handed to another process, or the task
 * store failed before any vendor call. The task itself is not over: with a durable store, whoever resumes it
 * finishes it. Immutable once thrown.
 */
public final class TaskAbandonedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the engine stopped driving the task. */
    public enum Reason {
        /** {@link ImageGeneration#close()} was called before the task finished. */
        ENGINE_CLOSED,
        /** The host released the task to another process ({@link GenerationHost#release}). */
        RELEASED,
        /** The task store refused to save the task before any vendor call; no vendor was called. */
        STORE_FAILED
    }

    private final transient TaskId taskId;
    private final Reason reason;

    public TaskAbandonedException(TaskId taskId, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.taskId = taskId;
        this.reason = reason;
    }

    public TaskId taskId() {
        return taskId;
    }

    public Reason reason() {
        return reason;
    }
}
