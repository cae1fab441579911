package dev.imagegen.core;

import dev.imagegen.core.task.Task;
import dev.imagegen.spi.ProviderId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What a host that runs the engine for others needs beyond {@link ImageGeneration} (the Kafka worker): taking tasks
 * over from a durable store, handing them back, vendor callbacks, cancels with a reason. An embedding application
 * needs none of it. Thread-safe: every method may be called from any thread and returns at once.
 */
public interface GenerationHost {

    /** Starts a task, as {@link ImageGeneration#submit} does. */
    GenerationHandle submit(GenerationRequest request);

    /**
     * Takes over a task from the store that is not terminal (after a restart, or a partition moving to this
     * process): its images are copied if its vendor had finished it (no vendor call), else it is polled if its
     * vendor task is known, never submitted twice, and a submit in doubt follows the unknown-outcome policy.
     */
    GenerationHandle resume(Task task);

    /** Resumes every unfinished task in the store. */
    List<GenerationHandle> resumeUnfinished();

    /**
     * Stops driving a task without changing it (another process takes it over); its result completes with a
     * {@link TaskAbandonedException} ({@code RELEASED}). Completes once the task is released; a {@link #resume}
     * after that starts afresh.
     */
    CompletionStage<Void> release(TaskId id);

    /**
     * Cancels a task that is not over: it ends CANCELLED with {@code reason} among its warnings, and the vendor is
     * asked to cancel its task where it can. Completes with whether the task was being driven here.
     */
    CompletionStage<Boolean> cancel(TaskId id, String reason);

    /**
     * A vendor called back about a task (the host received a request at {@link CallbackRoutes#path}). The callback
     * itself completes nothing: when the token is genuine (made with this engine's callback secret for this provider)
     * and the vendor task id in the body matches a task driven here, that task is polled at once, and the poll's
     * answer drives it. A genuine token of a task driven elsewhere is {@code NOT_HERE}: a host of several engines
     * hands the callback to the one that drives it. A forged token costs nothing but the check.
     */
    CompletionStage<CallbackAnswer> onCallback(ProviderId provider, String token, byte[] body);

    /** The task as the store has it. */
    Optional<Task> find(TaskId id);

    /** Tasks being driven now (queued, at a vendor, or finishing). */
    int inFlight();
}
