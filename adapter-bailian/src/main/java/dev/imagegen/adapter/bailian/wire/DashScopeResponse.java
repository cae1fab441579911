package dev.imagegen.adapter.bailian.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A DashScope answer: a task just created, a task queried, a synchronous result, or an error ({@code code},
 * {@code message} at the top level). The gateway's own spellings of the task id ({@code task_id}, {@code taskId}
 * next to {@code output}) are read too.
 */
@Serdeable
public record DashScopeResponse(@JsonProperty("request_id") String requestId, Output output, String code,
                                String message, @JsonProperty("task_id") String taskId,
                                @JsonProperty("taskId") String taskIdCamel) {

    /** {@code output}: the task's status and results, or the synchronous protocol's choices. */
    @Serdeable
    public record Output(@JsonProperty("task_id") String taskId, @JsonProperty("task_status") String taskStatus,
                         String code, String message, List<Result> results, List<Choice> choices) {
    }

    /** One result image of a legacy image-synthesis task; a failed one carries {@code code} instead of a URL. */
    @Serdeable
    public record Result(String url, String code, String message) {
    }

    /** One choice of the multimodal-generation protocol; its message's content items carry the images. */
    @Serdeable
    public record Choice(DashScopeRequest.Message message) {
    }
}
