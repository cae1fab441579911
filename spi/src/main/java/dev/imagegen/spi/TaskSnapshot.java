package dev.imagegen.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A vendor task as one status call saw it.
 *
 * <p>Invariants: {@code SUCCEEDED} carries at least one image and no failure; {@code FAILED} carries a failure and
 * no images; other states carry neither. Immutable and thread-safe.
 *
 * @param state       the mapped state, never null
 * @param vendorState the vendor's own word for it (for logs and diagnosis), never null
 * @param images      the images on success, else empty
 * @param failure     why it failed, null unless {@code FAILED}
 * @param warnings    things the caller should know (such as "2 of 4 images failed"), never null
 * @param progress    0 to 100 where the vendor reports it, else null
 * @param hint        the vendor's hint about the next status call, never null
 * @param cost        on a terminal snapshot, what the vendor reports it billed for the task, or what its published
 *                    prices say the images cost; null where neither is known, and on every other snapshot
 */
public record TaskSnapshot(ProviderTaskState state, String vendorState, List<GeneratedImage> images,
                           ProviderFailure failure, List<String> warnings, Integer progress, PollHint hint,
                           Cost cost) {

    public TaskSnapshot {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(vendorState, "vendorState");
        images = List.copyOf(images);
        warnings = List.copyOf(warnings);
        hint = hint == null ? PollHint.NONE : hint;
        if (state == ProviderTaskState.SUCCEEDED && (images.isEmpty() || failure != null)) {
            throw new IllegalArgumentException("a succeeded snapshot needs images and no failure");
        }
        if (state == ProviderTaskState.FAILED && (failure == null || !images.isEmpty())) {
            throw new IllegalArgumentException("a failed snapshot needs a failure and no images");
        }
        if (!state.terminal() && (failure != null || !images.isEmpty())) {
            throw new IllegalArgumentException("a " + state + " snapshot carries neither images nor failure");
        }
        if (progress != null && (progress < 0 || progress > 100)) {
            throw new IllegalArgumentException("progress must be 0..100, got " + progress);
        }
        if (cost != null && !state.terminal()) {
            throw new IllegalArgumentException("a " + state + " snapshot carries no cost: only a finished task has "
                    + "one");
        }
    }

    /** A snapshot without a cost. */
    public TaskSnapshot(ProviderTaskState state, String vendorState, List<GeneratedImage> images,
                        ProviderFailure failure, List<String> warnings, Integer progress, PollHint hint) {
        this(state, vendorState, images, failure, warnings, progress, hint, null);
    }

    public static TaskSnapshot pending(ProviderTaskState state, String vendorState, Integer progress, PollHint hint) {
        return new TaskSnapshot(state, vendorState, List.of(), null, List.of(), progress, hint);
    }

    public static TaskSnapshot succeeded(String vendorState, List<GeneratedImage> images, List<String> warnings) {
        return new TaskSnapshot(ProviderTaskState.SUCCEEDED, vendorState, images, null, warnings, 100, PollHint.NONE);
    }

    public static TaskSnapshot failed(String vendorState, ProviderFailure failure) {
        return new TaskSnapshot(ProviderTaskState.FAILED, vendorState, List.of(), failure, List.of(), null,
                PollHint.NONE);
    }

    public Optional<ProviderFailure> failureIfAny() {
        return Optional.ofNullable(failure);
    }

    public Optional<Cost> costIfKnown() {
        return Optional.ofNullable(cost);
    }

    /** This terminal snapshot with the task's cost (null: none known). */
    public TaskSnapshot withCost(Cost value) {
        return new TaskSnapshot(state, vendorState, images, failure, warnings, progress, hint, value);
    }
}
