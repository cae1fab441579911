package dev.imagegen.adapter.apixo;

import dev.imagegen.adapter.apixo.wire.ApixoEnvelope;
import dev.imagegen.adapter.apixo.wire.ResultJson;
import dev.imagegen.adapter.apixo.wire.SubmitData;
import dev.imagegen.adapter.apixo.wire.TaskStatus;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads Apixo's JSON tolerantly (empty when it is not what was expected) and writes request bodies. */
final class ApixoJson {

    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

    private ApixoJson() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<ApixoEnvelope> envelope(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode tree = MAPPER.readValue(body, JsonNode.class);
            if (tree == null || !tree.isObject()) {
                return Optional.empty();
            }
            return Optional.ofNullable(MAPPER.readValueFromTree(tree, ApixoEnvelope.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<TaskStatus> taskStatus(JsonNode data) {
        return object(data, TaskStatus.class);
    }

    static Optional<SubmitData> submitData(JsonNode data) {
        return object(data, SubmitData.class);
    }

    /** The result URLs of a {@code resultJson} string; empty when it holds none or is not JSON. */
    static Optional<ResultJson> resultJson(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode tree = MAPPER.readValue(text, JsonNode.class);
            return object(tree, ResultJson.class);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A string field of an object node, when there is one. */
    static Optional<String> text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        return value != null && value.isString() ? Optional.of(value.getStringValue()) : Optional.empty();
    }

    private static <T> Optional<T> object(JsonNode node, Class<T> type) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readValueFromTree(node, type));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
