package dev.imagegen.adapter.apixo.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Every Apixo answer, success or error, and every callback body: {@code {code, message, data}}, where {@code code}
 * mirrors the HTTP status. {@code data} stays a tree because its shape depends on the call and on the error
 * ({@code null}, {@code {"error": "..."}}, a task).
 *
 * @param code    200 on success, else the error status
 * @param message {@code success} or what went wrong (such as {@code Insufficient credits})
 * @param data    the payload, may be null
 */
@Serdeable
public record ApixoEnvelope(@JsonProperty("code") Integer code,
                            @JsonProperty("message") String message,
                            @JsonProperty("data") JsonNode data) {
}
