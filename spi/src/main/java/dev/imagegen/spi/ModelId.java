package dev.imagegen.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The public id of a model as a provider names it, such as {@code nano-banana-pro} or {@code wan2.2-t2i-flash}.
 *
 * <p>1 to 128 characters of letters, digits, {@code . _ : / -}. Immutable and thread-safe.
 *
 * @param value the id, never null
 */
public record ModelId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");

    public ModelId {
        Objects.requireNonNull(value, "model id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("model id '" + value + "' must match " + SHAPE.pattern());
        }
    }

    public static ModelId of(String value) {
        return new ModelId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
