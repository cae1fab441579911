package dev.imagegen.spi;

import java.util.List;
import java.util.Objects;

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
     */
    record Completed(List<GeneratedImage> images, List<String> warnings) implements Submission {
        public Completed {
            images = List.copyOf(images);
            warnings = List.copyOf(warnings);
            if (images.isEmpty()) {
                throw new IllegalArgumentException("a completed submission carries at least one image");
            }
        }
    }

    /**
     * The vendor accepted a task that must be polled (or will be reported by callback).
     *
     * @param task the task to poll, never null
     * @param hint when to poll first, never null
     */
    record Accepted(ProviderTaskRef task, PollHint hint) implements Submission {
        public Accepted {
            Objects.requireNonNull(task, "task");
            hint = hint == null ? PollHint.NONE : hint;
        }
    }
}
