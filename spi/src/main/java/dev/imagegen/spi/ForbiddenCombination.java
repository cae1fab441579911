package dev.imagegen.spi;

import java.util.Objects;

/**
 * An aspect ratio and resolution that a model allows one by one but not together, such as gpt-image-2's
 * {@code 1:1} with {@code 4K}. Immutable and thread-safe.
 *
 * @param aspectRatio the ratio, never null
 * @param resolution  the resolution it may not be combined with, never null
 */
public record ForbiddenCombination(AspectRatio aspectRatio, Resolution resolution) {
    public ForbiddenCombination {
        Objects.requireNonNull(aspectRatio, "aspectRatio");
        Objects.requireNonNull(resolution, "resolution");
    }
}
