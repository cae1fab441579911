package dev.imagegen.adapter.apixo.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /api/v1/generateTask/{model}}. Null fields are left out of the JSON.
 *
 * @param requestType {@code async} (polling) or {@code callback} (webhook)
 * @param callbackUrl where Apixo POSTs the finished task; only with {@code callback}
 * @param provider    routing strategy {@code auto|value|official}, or null for Apixo's default ({@code auto})
 * @param input       the model's input
 */
@Serdeable
public record GenerateTaskRequest(@JsonProperty("request_type") String requestType,
                                  @JsonProperty("callback_url") String callbackUrl,
                                  @JsonProperty("provider") String provider,
                                  @JsonProperty("input") GenerateTaskInput input) {
}
