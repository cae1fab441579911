package dev.imagegen.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of an image provider (a vendor adapter), such as {@code xenodia}.
 *
 * <p>Lower-case letters, digits and dashes, starting with a letter, at most 32 characters. Immutable and
 * thread-safe.
 *
 * @param value the id, never null
 */
public record ProviderId(String value) implements Comparable<ProviderId> {

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public ProviderId {
        Objects.requireNonNull(value, "provider id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "provider id '" + value + "' must match " + SHAPE.pattern());
        }
    }

    public static ProviderId of(String value) {
        return new ProviderId(value);
    }

    /** Whether a text is a well-formed provider id. */
    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public int compareTo(ProviderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
