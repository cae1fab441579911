package dev.imagegen.core;

import dev.imagegen.spi.ErrorCode;
import java.util.Objects;

/**
 * One broken rule of a request: which field, the value it had, and what is allowed. Immutable.
 *
 * @param field   the request field, as the worker's contract names it ({@code aspectRatio}, {@code references[2]})
 * @param value   the offending value as text ({@code "(absent)"} when missing)
 * @param allowed what would be accepted, in words a caller can act on
 * @param code    {@link ErrorCode#INVALID_REQUEST} when the request breaks the contract itself,
 *                {@link ErrorCode#UNSUPPORTED_PARAMETER} when the chosen model does not allow it
 */
public record Violation(String field, String value, String allowed, ErrorCode code) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(code, "code");
    }

    public static Violation invalid(String field, Object value, String allowed) {
        return new Violation(field, String.valueOf(value), allowed, ErrorCode.INVALID_REQUEST);
    }

    public static Violation unsupported(String field, Object value, String allowed) {
        return new Violation(field, String.valueOf(value), allowed, ErrorCode.UNSUPPORTED_PARAMETER);
    }

    /** {@code aspectRatio '7:3' is not allowed; allowed: 1:1, 16:9}. */
    public String message() {
        return field + " '" + value + "' is not allowed; allowed: " + allowed;
    }

    @Override
    public String toString() {
        return message();
    }
}
