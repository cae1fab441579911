package dev.imagegen.adapter.xenodia.wire;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The {@code result} of a task: empty until success, then {@code {created, data[]}}. */
@Serdeable
public record TaskResult(Long created, List<ImageData> data) {
}
