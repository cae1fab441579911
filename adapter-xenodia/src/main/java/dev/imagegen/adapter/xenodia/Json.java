package dev.imagegen.adapter.xenodia;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reading and writing the vendor's JSON with Micronaut Serde. */
final class Json {

    private Json() {
    }

    static <T> T read(String body, Class<T> type) throws IOException {
        if (body == null || body.isBlank()) {
            throw new IOException("empty body");
        }
        T value = ObjectMapper.getDefault().readValue(body, type);
        if (value == null) {
            throw new IOException("body is JSON null");
        }
        return value;
    }

    static String write(Object value) {
        try {
            return ObjectMapper.getDefault().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
