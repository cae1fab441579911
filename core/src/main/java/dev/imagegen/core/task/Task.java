package dev.imagegen.core.task;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.TaskId;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderTaskRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One generation task as the engine keeps it (the record a {@link TaskStore} persists): its request, its state and
 * everything that happened to it. Immutable and thread-safe: every change returns a new task, and a change of
 * {@link #state()} is only made along the transitions {@link TaskState} allows (an illegal one is a bug and throws
 * {@link IllegalStateException}).
 *
 * @param request            what was asked, never null; once a vendor accepted the task, without inline reference
 *                           bytes (they are sent and not needed again)
 * @param state              where the task is, never null
 * @param provider           the provider it is routed to (or was last tried with), null before routing
 * @param providerTask       the vendor task, null until a vendor accepted one
 * @param attempts           every try to hand it to a provider, in order
 * @param images             the images, on SUCCEEDED
 * @param failure            why it failed, on FAILED
 * @param warnings           things the caller should know
 * @param createdAt          when it was accepted
 * @param updatedAt          when it last changed
 * @param submitIntentAt     when a submit to {@code provider} was started whose outcome is not recorded yet, else null;
 *                           after a crash such a task may or may not exist at the vendor
 * @param submittedAt        when the vendor accepted it, else null
 * @param polls              how many status calls were made
 * @param progress           the vendor's last reported progress, 0 to 100, or null
 * @param vendorCancellation on CANCELLED, and on FAILED with TIMEOUT, what asking the vendor to cancel its task came
 *                           to; null when no vendor task existed
 * @param vendorImages       the images the vendor finished the task with, while they are being copied into the image
 *                           store (the task keeps its state, and a restart resumes the copy instead of calling the
 *                           vendor again); empty otherwise, and always on a terminal task
 * @param cost               what the task costs (CONTRACT §5.3 {@code cost}): the vendor's price known when it
 *                           accepted the task, replaced by what the vendor reports on the finished task; kept on
 *                           SUCCEEDED, on FAILED only where the vendor reported it for the failed task, never on
 *                           CANCELLED; null where not known (never a guess)
 */
public record Task(GenerationRequest request, TaskState state, ProviderId provider, ProviderTaskRef providerTask,
                   List<Attempt> attempts, List<GeneratedImage> images, ProviderFailure failure,
                   List<String> warnings, Instant createdAt, Instant updatedAt, Instant submitIntentAt,
                   Instant submittedAt, int polls, Integer progress, CancelOutcome vendorCancellation,
                   List<GeneratedImage> vendorImages, Cost cost) {

    public Task {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        attempts = List.copyOf(attempts);
        images = List.copyOf(images);
        warnings = List.copyOf(warnings);
        vendorImages = List.copyOf(vendorImages);
        if (progress != null && (progress < 0 || progress > 100)) {
            throw new IllegalArgumentException("progress must be 0..100, got " + progress);
        }
    }

    /** A new task for a request, ACCEPTED now. */
    public static Task accept(GenerationRequest request, Instant now) {
        return new Task(request, TaskState.ACCEPTED, null, null, List.of(), List.of(), null, List.of(), now, now,
                null, null, 0, null, null, List.of(), null);
    }

    public TaskId id() {
        return request.id();
    }

    public boolean terminal() {
        return state.terminal();
    }

    public Optional<ProviderTaskRef> providerTaskIfAny() {
        return Optional.ofNullable(providerTask);
    }

    public Optional<ProviderFailure> failureIfAny() {
        return Optional.ofNullable(failure);
    }

    /** Whether a submit was started and its outcome is not known (see {@link #submitIntentAt()}). */
    public boolean submitInDoubt() {
        return state == TaskState.ACCEPTED && submitIntentAt != null;
    }

    /** The intent to submit to a provider, recorded before the vendor call. */
    public Task submitting(ProviderId to, Instant now) {
        requireState(TaskState.ACCEPTED, "record a submit intent");
        return new Task(request, state, to, null, attempts, images, failure, warnings, createdAt, now, now, null,
                polls, progress, vendorCancellation, vendorImages, cost);
    }

    /** A submit that failed before any vendor accepted the task; the task stays ACCEPTED for a fallback. */
    public Task submitFailed(ErrorCode code, Instant now) {
        requireState(TaskState.ACCEPTED, "record a failed submit");
        return new Task(request, state, provider, null, plus(attempts, Attempt.failed(provider, code)), images,
                failure, warnings, createdAt, now, null, null, polls, progress, vendorCancellation, vendorImages, cost);
    }

    /** The vendor accepted the task; inline reference bytes are let go (the vendor has them). */
    public Task submitted(ProviderTaskRef ref, Instant now) {
        return submitted(ref, null, now);
    }

    /**
     * The vendor accepted the task at a price its published prices say (null: none known); inline reference bytes
     * are let go (the vendor has them).
     */
    public Task submitted(ProviderTaskRef ref, Cost price, Instant now) {
        check(TaskState.SUBMITTED);
        return new Task(request.withoutInlineReferences(), TaskState.SUBMITTED, ref.provider(), ref,
                plus(attempts, Attempt.accepted(ref.provider())), images, failure, warnings, createdAt, now, null,
                now, polls, progress, vendorCancellation, vendorImages, price);
    }

    /**
     * What the vendor reports the task cost, on its finished answer; it replaces the price known at submit. The
     * state is unchanged; null changes nothing. On a FAILED task this is the only way a cost is kept.
     */
    public Task costed(Cost reported) {
        if (reported == null) {
            return this;
        }
        return new Task(request, state, provider, providerTask, attempts, images, failure, warnings, createdAt,
                updatedAt, submitIntentAt, submittedAt, polls, progress, vendorCancellation, vendorImages, reported);
    }

    public Optional<Cost> costIfKnown() {
        return Optional.ofNullable(cost);
    }

    /** The vendor reports the task is being generated. */
    public Task running(Instant now) {
        check(TaskState.RUNNING);
        return new Task(request, TaskState.RUNNING, provider, providerTask, attempts, images, failure, warnings,
                createdAt, now, null, submittedAt, polls, progress, vendorCancellation, vendorImages, cost);
    }

    /** The vendor reports a new progress value (the state is unchanged). */
    public Task progressed(int value, Instant now) {
        return new Task(request, state, provider, providerTask, attempts, images, failure, warnings, createdAt, now,
                submitIntentAt, submittedAt, polls, value, vendorCancellation, vendorImages, cost);
    }

    /** One more status call was made (the state is unchanged). */
    public Task polled(Instant now) {
        return new Task(request, state, provider, providerTask, attempts, images, failure, warnings, createdAt, now,
                submitIntentAt, submittedAt, polls + 1, progress, vendorCancellation, vendorImages, cost);
    }

    /**
     * The vendor finished the task with these images, which are to be copied into the image store before the task
     * ends: the state is unchanged, the images and the vendor's warnings are recorded (a submit in doubt no longer
     * is), and no event is due.
     */
    public Task vendorSucceeded(List<GeneratedImage> result, List<String> newWarnings, Instant now) {
        check(TaskState.SUCCEEDED);
        if (result.isEmpty()) {
            throw new IllegalArgumentException("a vendor's success has at least one image");
        }
        return new Task(request, state, provider, providerTask, attempts, images, failure,
                concat(warnings, newWarnings), createdAt, now, null, submittedAt, polls, progress, vendorCancellation,
                result, cost);
    }

    /** Whether the vendor finished the task and its images are being copied (see {@link #vendorImages()}). */
    public boolean copyingImages() {
        return !vendorImages.isEmpty();
    }

    /** Finished with images; from ACCEPTED this is a synchronous vendor's answer to the submit. */
    public Task succeeded(List<GeneratedImage> result, List<String> newWarnings, Instant now) {
        check(TaskState.SUCCEEDED);
        if (result.isEmpty()) {
            throw new IllegalArgumentException("a succeeded task has at least one image");
        }
        List<Attempt> tried = state == TaskState.ACCEPTED ? plus(attempts, Attempt.accepted(provider)) : attempts;
        return new Task(request, TaskState.SUCCEEDED, provider, providerTask, tried, result, null,
                concat(warnings, newWarnings), createdAt, now, null, submittedAt, polls, progress, null, List.of(),
                cost);
    }

    /** Finished without images. */
    public Task failed(ProviderFailure why, Instant now) {
        return failed(why, null, now);
    }

    /**
     * Finished without images, after the vendor was asked to cancel its task (a timeout).
     *
     * @param vendorCancellation what the vendor said, or null when no vendor task existed
     */
    public Task failed(ProviderFailure why, CancelOutcome vendorCancellation, Instant now) {
        check(TaskState.FAILED);
        Objects.requireNonNull(why, "failure");
        return new Task(request, TaskState.FAILED, provider, providerTask, attempts, List.of(), why, warnings,
                createdAt, now, null, submittedAt, polls, progress, vendorCancellation, List.of(), null);
    }

    /**
     * Cancelled by the caller.
     *
     * @param reason             the caller's reason, kept among the warnings as given, or null
     * @param vendorCancellation what the vendor said, or null when no vendor task existed
     */
    public Task cancelled(String reason, CancelOutcome vendorCancellation, Instant now) {
        check(TaskState.CANCELLED);
        List<String> said = reason == null ? warnings : plus(warnings, reason);
        return new Task(request, TaskState.CANCELLED, provider, providerTask, attempts, List.of(), null, said,
                createdAt, now, null, submittedAt, polls, progress, vendorCancellation, List.of(), null);
    }

    private void check(TaskState target) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException("task " + id() + ": " + state + " -> " + target
                    + " is not a legal transition");
        }
    }

    private void requireState(TaskState expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("task " + id() + " is " + state + "; cannot " + action);
        }
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<T> copy = new ArrayList<>(a);
        copy.addAll(b);
        return copy;
    }
}
