package dev.imagegen.core.task;

import dev.imagegen.core.TaskId;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderTaskRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a change of a task tells the world (the worker publishes it as {@code imagegen.task.v1}). One event per state
 * change, and one more RUNNING event whenever the vendor's progress changes (at most one per status call); exactly
 * one terminal event per task. Immutable and thread-safe.
 *
 * @param taskId         the task, never null
 * @param status         the state it entered (or is in, for a progress event)
 * @param provider       the provider, null before routing
 * @param model          the model
 * @param providerTaskId the vendor's task id, null when none
 * @param images         images on SUCCEEDED
 * @param failure        the failure on FAILED
 * @param warnings       warnings so far
 * @param attempts       every attempt so far
 * @param occurredAt     when the state changed
 * @param metadata       the request's metadata, echoed
 * @param progress       the vendor's progress, 0 to 100, where it reports one (on ACCEPTED, SUBMITTED, RUNNING)
 * @param vendorCancellation on CANCELLED, and on FAILED with TIMEOUT, what asking the vendor to cancel came to; null
 *                       when no vendor task existed
 * @param cost           on terminal events, what the task cost where the vendor reports or publishes it (see
 *                       {@link Task#cost()}); null otherwise
 */
public record TaskEvent(TaskId taskId, TaskState status, ProviderId provider, ModelId model, String providerTaskId,
                        List<GeneratedImage> images, ProviderFailure failure, List<String> warnings,
                        List<Attempt> attempts, Instant occurredAt, Map<String, String> metadata,
                        Integer progress, CancelOutcome vendorCancellation, Cost cost) {

    public TaskEvent {
        images = List.copyOf(images);
        warnings = List.copyOf(warnings);
        attempts = List.copyOf(attempts);
        metadata = Map.copyOf(metadata);
    }

    /** The event for the state a task is in now. */
    public static TaskEvent of(Task task) {
        ProviderTaskRef ref = task.providerTask();
        return new TaskEvent(task.id(), task.state(), task.provider(), task.request().model(),
                ref == null ? null : ref.taskId(), task.images(), task.failure(), task.warnings(), task.attempts(),
                task.updatedAt(), task.request().metadata(), task.terminal() ? null : task.progress(),
                task.vendorCancellation(), task.terminal() ? task.cost() : null);
    }

    public boolean terminal() {
        return status.terminal();
    }
}
