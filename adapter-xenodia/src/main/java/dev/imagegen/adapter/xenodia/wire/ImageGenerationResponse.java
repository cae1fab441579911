package dev.imagegen.adapter.xenodia.wire;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * The answer of {@code POST /v1/images/generations}, in either of its two shapes: the synchronous
 * {@code {created, data[]}} or the task envelope ({@code task_id}, {@code state}, {@code poll_url} and hints).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ImageGenerationResponse(Long created, List<ImageData> data, String taskId, String object, String model,
                                      String type, String state, Long createdAt, String pollUrl,
                                      Long recommendedPollIntervalMs, Long etaHintSeconds) {
}
