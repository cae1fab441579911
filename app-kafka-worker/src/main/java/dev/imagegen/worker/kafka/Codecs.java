package dev.imagegen.worker.kafka;

import dev.imagegen.worker.codec.CommandReader;
import dev.imagegen.worker.codec.EventWriter;
import dev.imagegen.worker.codec.TaskStateCodec;
import java.util.Objects;

/** The three formats the loop reads and writes. */
public record Codecs(CommandReader commands, EventWriter events, TaskStateCodec tasks) {
    public Codecs {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(tasks, "tasks");
    }
}
