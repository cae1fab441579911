package dev.imagegen.core.task;

import dev.imagegen.core.TaskId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The port where tasks are kept. The core saves a task before each step that must survive a crash (above all,
 * the intent to submit before the vendor call) and waits for the save to complete before taking that step.
 *
 * <p>Implementations are thread-safe. The in-memory default is {@link InMemoryTaskStore}; the worker keeps tasks in
 * a compacted Kafka topic, written in the same transaction as the events.
 */
public interface TaskStore {

    /**
     * Durably records a task's new state, together with the event its transition produced (null when the change
     * is not a state change, such as a recorded submit intent or a status call).
     *
     * @return completes when the task is durable
     */
    CompletionStage<Void> save(Task task, TaskEvent event);

    /** The task with this id, if the store has it. */
    Optional<Task> find(TaskId id);

    /** Every task that is not terminal, to resume after a restart. */
    List<Task> unfinished();
}
