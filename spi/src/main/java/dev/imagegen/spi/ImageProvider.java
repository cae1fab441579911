package dev.imagegen.spi;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The port every vendor adapter implements: submit a request, poll a task.
 *
 * <p>Non-blocking: no method blocks the caller's thread while a vendor works; results arrive on the returned
 * stage, which completes exceptionally with a {@link ProviderException} when the vendor call fails. Each call is
 * one exchange with the vendor: retry budgets, fallback and polling cadence are the core's business, so an adapter
 * only says what happened (the {@link ErrorCode}, the vendor code, a {@code Retry-After} hint).
 *
 * <p>Implementations are thread-safe and hold their HTTP client for their whole life; {@link #close()} releases
 * it. A read timeout after a submit was sent completes with {@link ErrorCode#OUTCOME_UNKNOWN}, since the vendor
 * may have accepted (and billed) the task.
 */
public interface ImageProvider extends AutoCloseable {

    /** Who this provider is and which models it serves; may change as live discovery refines it. */
    ProviderDescriptor descriptor();

    /** How the core should drive this provider's tasks: cadence, timeout and caps, as configured. */
    TaskSettings taskSettings();

    /** Submits a validated request. Completes with the images (sync vendors) or the task to poll. */
    CompletionStage<Submission> submit(ProviderRequest request);

    /** Asks the vendor for the state of a task this provider submitted. */
    CompletionStage<TaskSnapshot> poll(ProviderTaskRef task);

    /**
     * Asks the vendor to cancel a task, where it can. The default says it cannot.
     *
     * @return completes with what the vendor said; never exceptionally: a failed call is {@link CancelOutcome#FAILED}
     */
    default CompletionStage<CancelOutcome> cancel(ProviderTaskRef task) {
        return CompletableFuture.completedFuture(CancelOutcome.NOT_SUPPORTED);
    }

    /**
     * Reads the vendor task id from the body of a callback the vendor sent (only for providers whose descriptor
     * has a {@code callbackBase}). A callback never completes a task by itself: the caller matches the task by the
     * unguessable token in the callback URL, checks that this id is that task's, and then polls it, so a forged or
     * stale callback costs one status call and nothing else.
     *
     * @return the vendor task id, or empty when the body is not a callback this provider understands
     */
    default Optional<String> callbackTaskId(byte[] body) {
        return Optional.empty();
    }

    /** Releases the HTTP client and anything else this provider holds. Idempotent. */
    @Override
    void close();
}
