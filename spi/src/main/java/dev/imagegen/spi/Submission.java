package dev.imagegen.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a vendor answered to a submit: the finished images (a synchronous vendor), or a task to poll.
 * Its records are immutable and thread-safe.
 */
public sealed interface Submission permits Submission.Completed, Submission.Accepted {

    /**
     * The vendor answered with the images at once.
     *
     * @param images   at least one
     * @param warnings things the caller should know, never null
     * @param cost     what the vendor billed or prices these images at, null where it is not known
     */
    record Completed(List<GeneratedImage> images, List<String> warnings, Cost cost) implements Submission {
        public Completed {
            images = List.copyOf(images);
            warnings = List.copyOf(warnings);
            if (images.isEmpty()) {
                throw new IllegalArgumentException("a completed submission carries at least one image");
            }
        }

        /** Images whose cost is not known. */
        public Completed(List<GeneratedImage> images, List<String> warnings) {
            this(images, warnings, null);
        }

        public Optional<Cost> costIfKnown() {
            return Optional.ofNullable(cost);
        }
    }

    /**
     * The vendor accepted a task that must be polled (or will be reported by callback).
     *
     * @param task  the task to poll, never null
     * @param hint  when to poll first, never null
     * @param price what the vendor's published prices say the task will cost if it succeeds, null where they say
     *              nothing; what the vendor reports on the finished task ({@link TaskSnapshot#cost()}) replaces it
     */
    record Accepted(ProviderTaskRef task, PollHint hint, Cost price) implements Submission {
        public Accepted {
            Objects.requireNonNull(task, "task");
            hint = hint == null ? PollHint.NONE : hint;
        }

        /** A task whose price is not known. */
        public Accepted(ProviderTaskRef task, PollHint hint) {
            this(task, hint, null);
        }

        public Optional<Cost> priceIfKnown() {
            return Optional.ofNullable(price);
        }
    }
}
