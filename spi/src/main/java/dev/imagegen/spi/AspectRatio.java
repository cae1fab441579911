package dev.imagegen.spi;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An output aspect ratio: {@code W:H} with positive whole numbers (kept as written, so {@code 16:9} and
 * {@code 32:18} are different values, as they are to vendors), or {@link #AUTO}, which lets the model choose.
 *
 * <p>Immutable and thread-safe.
 *
 * @param width  the width part, 0 for {@code auto}
 * @param height the height part, 0 for {@code auto}
 */
public record AspectRatio(int width, int height) {

    /** The model picks the ratio (written {@code auto}). */
    public static final AspectRatio AUTO = new AspectRatio(0, 0);

    private static final Pattern SHAPE = Pattern.compile("([1-9][0-9]{0,3}):([1-9][0-9]{0,3})");

    public AspectRatio {
        boolean auto = width == 0 && height == 0;
        if (!auto && (width <= 0 || height <= 0 || width > 9999 || height > 9999)) {
            throw new IllegalArgumentException("aspect ratio parts must be 1..9999, got " + width + ":" + height);
        }
    }

    /**
     * Reads {@code auto} or {@code W:H}.
     *
     * @throws IllegalArgumentException naming the value and the accepted shapes
     */
    public static AspectRatio parse(String text) {
        Objects.requireNonNull(text, "aspect ratio");
        if ("auto".equals(text)) {
            return AUTO;
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("aspect ratio '" + text + "' must be 'auto' or W:H such as 16:9");
        }
        return new AspectRatio(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static AspectRatio of(int width, int height) {
        return new AspectRatio(width, height);
    }

    public boolean isAuto() {
        return width == 0;
    }

    /** Width divided by height; 1.0 for {@code auto}. */
    public double ratio() {
        return isAuto() ? 1.0 : (double) width / height;
    }

    @Override
    public String toString() {
        return isAuto() ? "auto" : width + ":" + height;
    }
}
