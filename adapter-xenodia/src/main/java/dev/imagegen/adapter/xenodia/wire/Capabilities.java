package dev.imagegen.adapter.xenodia.wire;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** A model's {@code capabilities} in the discovery list. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Capabilities(Boolean asyncSupported, List<String> requestMode, Pricing pricing,
                           List<Parameter> parameters, ReferenceInput referenceInput) {
}
