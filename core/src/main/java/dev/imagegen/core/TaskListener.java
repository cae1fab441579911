package dev.imagegen.core;

import dev.imagegen.core.task.TaskEvent;

/**
 * Hears every state change of every task, after the task store has made it durable. Called on the library's
 * scheduler thread: implementations must return quickly and must not block.
 */
@FunctionalInterface
public interface TaskListener {

    void onEvent(TaskEvent event);
}
