package dev.imagegen.worker.config;

import java.util.Objects;

/**
 * The four topics of the worker.
 *
 * @param commands generation commands, consumed
 * @param events   task events, produced
 * @param dlq      unreadable commands, produced
 * @param tasks    task state, compacted, co-partitioned with {@code commands}
 */
public record Topics(String commands, String events, String dlq, String tasks) {
    public Topics {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(dlq, "dlq");
        Objects.requireNonNull(tasks, "tasks");
    }
}
