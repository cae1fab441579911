package dev.imagegen.core;

import java.time.Duration;

/**
 * The engine's one thread: every step of every task runs here, one at a time, so the engine's state needs no locks.
 * The default runs on a thread of its own ({@link ThreadScheduler}); tests run steps in virtual time.
 */
interface EngineScheduler {

    /** A pending step that can be called off. */
    interface Timer {
        void cancel();
    }

    /**
     * Runs a step soon, after those already queued.
     *
     * @return false when the scheduler is shut down and the step is dropped
     */
    boolean execute(Runnable step);

    /** Runs a step after a delay. Dropped once the scheduler is shut down. */
    Timer schedule(Runnable step, Duration delay);

    /** Drops every pending step and stops the thread, waiting up to {@code wait} for a step that is running. */
    void shutdown(Duration wait);
}
