package dev.imagegen.adapter.apixo.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The {@code data} of a successful submit.
 *
 * @param taskId the task to poll, such as {@code task_12345678}
 */
@Serdeable
public record SubmitData(@JsonProperty("taskId") String taskId) {
}
