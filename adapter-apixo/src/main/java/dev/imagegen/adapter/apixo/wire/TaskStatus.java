package dev.imagegen.adapter.apixo.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The {@code data} of a status answer (and of a callback body).
 *
 * @param taskId       the task
 * @param state        {@code pending}, {@code processing}, {@code success} or {@code failed}
 * @param resultJson   on success: a JSON string holding {@code resultUrls}
 * @param failCode     on failure: Apixo's failure code, such as {@code CONTENT_VIOLATION}
 * @param failMsg      on failure: a readable reason
 * @param createTime   Unix milliseconds
 * @param completeTime Unix milliseconds, once terminal
 * @param costTime     milliseconds of processing
 */
@Serdeable
public record TaskStatus(@JsonProperty("taskId") String taskId,
                         @JsonProperty("state") String state,
                         @JsonProperty("resultJson") String resultJson,
                         @JsonProperty("failCode") String failCode,
                         @JsonProperty("failMsg") String failMsg,
                         @JsonProperty("createTime") Long createTime,
                         @JsonProperty("completeTime") Long completeTime,
                         @JsonProperty("costTime") Long costTime) {
}
