package dev.imagegen.core;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity of one generation task, and its idempotency key: a task id is generated at most once, however
 * often it is submitted. The worker uses the command's {@code commandId}. Immutable.
 *
 * @param value 1 to 128 characters of {@code [A-Za-z0-9._:-]}
 */
public record TaskId(String value) {

    static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public TaskId {
        Objects.requireNonNull(value, "task id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("task id must be 1-128 characters of [A-Za-z0-9._:-]");
        }
    }

    public static TaskId of(String value) {
        return new TaskId(value);
    }

    /** A new random id (a UUID), for a request whose caller needs no idempotency across processes. */
    public static TaskId random() {
        return new TaskId(UUID.randomUUID().toString());
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
