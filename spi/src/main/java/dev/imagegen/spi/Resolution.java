package dev.imagegen.spi;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An output resolution class as vendors name it: about 1, 2 or 4 thousand pixels on the long side. Immutable (an
 * enum).
 */
public enum Resolution {
    ONE_K("1K", 1024),
    TWO_K("2K", 2048),
    FOUR_K("4K", 4096);

    private final String label;
    private final int longSide;

    Resolution(String label, int longSide) {
        this.label = label;
        this.longSide = longSide;
    }

    /** The vendor-neutral spelling: {@code 1K}, {@code 2K} or {@code 4K}. */
    public String label() {
        return label;
    }

    /** The nominal pixel count of the long side of a square image of this class. */
    public int nominalSide() {
        return longSide;
    }

    /**
     * Reads {@code 1K}, {@code 2K} or {@code 4K} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Resolution parse(String text) {
        for (Resolution r : values()) {
            if (r.label.equalsIgnoreCase(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("resolution '" + text + "' must be one of " + labels());
    }

    static String labels() {
        return Arrays.stream(values()).map(Resolution::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
