package dev.imagegen.adapter.xenodia.wire;

import io.micronaut.serde.annotation.Serdeable;

/** One generated image of a {@code data[]} list. */
@Serdeable
public record ImageData(String url) {
}
