package dev.imagegen.adapter.xenodia;

import dev.imagegen.adapter.xenodia.wire.ErrorBody;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;

/**
 * Xenodia's code and message, read tolerantly from an error body ({@code {error, message[, type, code]}}, or
 * {@code {error: {code, message}}} as a gateway might write it) or from a failed task's {@code error}.
 *
 * @param code    the vendor's code, or null when it gave none
 * @param message the vendor's message, or null
 */
record VendorError(String code, String message) {

    private static final int MAX_MESSAGE = 300;

    static VendorError ofBody(String body) {
        try {
            ErrorBody parsed = Json.read(body, ErrorBody.class);
            VendorError nested = ofNode(parsed.error(), parsed.message());
            return new VendorError(nested.code != null ? nested.code : blankToNull(parsed.code()), nested.message);
        } catch (IOException | RuntimeException e) {
            return new VendorError(null, clip(body));
        }
    }

    /** From an {@code error} node: an object with {@code code}/{@code type} and {@code message}, or a bare string. */
    static VendorError ofNode(JsonNode error, String fallbackMessage) {
        String code = null;
        String message = null;
        if (error != null && error.isString()) {
            code = error.getStringValue();
        } else if (error != null && error.isObject()) {
            code = text(error.get("code"));
            if (code == null) {
                code = text(error.get("type"));
            }
            message = text(error.get("message"));
        }
        return new VendorError(blankToNull(code), clip(message != null ? message : fallbackMessage));
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.coerceStringValue() : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String clip(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }
}
