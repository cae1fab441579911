package dev.imagegen.core;

import dev.imagegen.core.task.Task;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a generation ended: {@link Succeeded} with images, {@link Failed} with an error code, or {@link Cancelled}.
 * Immutable and thread-safe.
 */
public sealed interface GenerationResult
        permits GenerationResult.Succeeded, GenerationResult.Failed, GenerationResult.Cancelled {

    /** The task this is the result of. */
    TaskId id();

    /** Whether this is {@link Succeeded}. */
    default boolean succeeded() {
        return this instanceof Succeeded;
    }

    /** The images on success, else empty. */
    default List<GeneratedImage> images() {
        return this instanceof Succeeded s ? s.images : List.of();
    }

    /**
     * The task finished with images.
     *
     * @param provider the provider that made them
     * @param images   at least one; their URLs are the vendor's and expire; each carries its stored copy where an
     *                 image store kept one
     * @param warnings things the caller should know (such as "2 of 4 images failed"), never null
     * @param cost     what the images cost, where the vendor reports what it billed or publishes a price; null
     *                 where neither is known (never a guess)
     */
    record Succeeded(TaskId id, ProviderId provider, ModelId model, List<GeneratedImage> images,
                     List<String> warnings, Cost cost) implements GenerationResult {
        public Succeeded {
            Objects.requireNonNull(id, "id");
            images = List.copyOf(images);
            warnings = List.copyOf(warnings);
        }

        public Optional<Cost> costIfKnown() {
            return Optional.ofNullable(cost);
        }
    }

    /**
     * The task finished without images.
     *
     * @param code       the outcome; {@link ErrorCode#retryable()} says whether the same request may succeed later
     * @param message    what happened, for people
     * @param vendorCode the vendor's own code, or null
     * @param provider   the provider last tried, or null when none was
     * @param vendorCancellation on TIMEOUT, what asking the vendor to cancel its task came to; null when no vendor
     *                   task existed
     */
    record Failed(TaskId id, ErrorCode code, String message, String vendorCode, ProviderId provider, ModelId model,
                  CancelOutcome vendorCancellation) implements GenerationResult {
        public Failed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * The task was cancelled.
     *
     * @param vendorCancellation what asking the vendor to cancel its task came to; null when no vendor task existed
     */
    record Cancelled(TaskId id, ProviderId provider, ModelId model, CancelOutcome vendorCancellation)
            implements GenerationResult {
        public Cancelled {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The result of a terminal task. */
    static GenerationResult of(Task task) {
        return switch (task.state()) {
            case SUCCEEDED -> new Succeeded(task.id(), task.provider(), task.request().model(), task.images(),
                    task.warnings(), task.cost());
            case FAILED -> new Failed(task.id(), task.failure().code(), task.failure().message(),
                    task.failure().providerCode(), task.provider(), task.request().model(), task.vendorCancellation());
            case CANCELLED -> new Cancelled(task.id(), task.provider(), task.request().model(),
                    task.vendorCancellation());
            case ACCEPTED, SUBMITTED, RUNNING -> throw new IllegalArgumentException("task " + task.id() + " is "
                    + task.state() + ", not terminal");
        };
    }
}
