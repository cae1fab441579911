package dev.imagegen.worker.codec;

import dev.imagegen.core.task.Task;
import java.time.Instant;
import java.util.Objects;

/**
 * One record of the tasks topic, as read back: a task still in flight (resume it), or the mark that a commandId
 * is finished (so that a duplicate of its command is ignored).
 */
public sealed interface StoredTask permits StoredTask.InFlight, StoredTask.Finished, StoredTask.CancelRequested {

    String commandId();

    /** A task that is not terminal, in full. */
    record InFlight(Task task) implements StoredTask {
        public InFlight {
            Objects.requireNonNull(task, "task");
        }

        @Override
        public String commandId() {
            return task.id().value();
        }
    }

    /**
     * A commandId whose terminal event was written.
     *
     * @param commandId  the commandId as the command wrote it
     * @param status     the terminal state's name
     * @param finishedAt when it finished, or null in records of workers before the dedup retention
     */
    record Finished(String commandId, String status, Instant finishedAt) implements StoredTask {
        public Finished {
            Objects.requireNonNull(commandId, "commandId");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * A cancel that came before its generate command: the command, when it comes, ends CANCELLED at once.
     *
     * @param commandId the commandId the cancel named
     * @param reason    the cancel's reason, or null
     */
    record CancelRequested(String commandId, String reason) implements StoredTask {
        public CancelRequested {
            Objects.requireNonNull(commandId, "commandId");
        }
    }
}
