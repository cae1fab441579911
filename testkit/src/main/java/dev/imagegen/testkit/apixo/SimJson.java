package dev.imagegen.testkit.apixo;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The simulator's JSON: Apixo's {@code {code, message, data}} envelope, and tolerant reading. */
final class SimJson {

    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

    private SimJson() {
    }

    static String envelope(int code, String message, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("data", data);
        return string(body);
    }

    static String string(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<JsonNode> tree(byte[] body) {
        try {
            return Optional.ofNullable(MAPPER.readValue(body, JsonNode.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Map<String, Object> map(String json) {
        try {
            return MAPPER.readValue(json.getBytes(StandardCharsets.UTF_8),
                    Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
