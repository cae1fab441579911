package dev.imagegen.adapter.xenodia.wire;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The answer of {@code GET /v1/tasks/{task_id}}. {@code error} is kept as a tree: it is {@code {}} until failure
 * and its shape on failure is not documented ({@code {code, message}} is what is seen). {@code billing} is what
 * Xenodia reserved and charged for the task.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Task(String taskId, String object, String model, String type, String state, TaskResult result,
                   JsonNode error, String message, Integer progress, Long recommendedPollIntervalMs,
                   Long etaHintSeconds, Long createdAt, Long updatedAt, Long completedAt, Billing billing) {
}
