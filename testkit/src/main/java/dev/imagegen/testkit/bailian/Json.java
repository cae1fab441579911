package dev.imagegen.testkit.bailian;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON for the simulator: bodies as plain maps and lists. */
final class Json {

    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

    private Json() {
    }

    /** The body as an object, or null when it is not a JSON object. */
    static Map<String, Object> parseObject(String body) {
        try {
            Object value = MAPPER.readValue(body, Object.class);
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                return object;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An object of name/value pairs in order; null values are left out. */
    static Map<String, Object> obj(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> objectAt(Map<String, Object> body, String field) {
        return body.get(field) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long;
    }
}
