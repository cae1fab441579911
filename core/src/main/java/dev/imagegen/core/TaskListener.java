package dev.imagegen.core;

import dev.imagegen.core.task.TaskEvent;

/**
 * Hears every event of every task, in order, after the task store has made it durable. Called on a notification
 * thread of its own (never the engine's scheduler, never the thread that saved the task), so a slow listener delays
 * only its own later events; one listener is never called by two threads at once, so an implementation need not be
 * thread-safe unless it shares state with other code. An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface TaskListener {

    void onEvent(TaskEvent event);
}
