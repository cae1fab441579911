package dev.imagegen.adapter.xenodia.wire;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of a non-2xx answer: {@code {error, message[, type, code]}}. {@code error} is a tree because a gateway
 * in front may nest it ({@code {"error": {"code", "message"}}}).
 */
@Serdeable
public record ErrorBody(JsonNode error, String message, String type, String code) {
}
