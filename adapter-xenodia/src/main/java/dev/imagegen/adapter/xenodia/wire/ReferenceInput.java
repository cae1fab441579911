package dev.imagegen.adapter.xenodia.wire;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** {@code capabilities.reference_input}: whether references are taken, how, and how many. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ReferenceInput(Boolean supported, List<String> transport, Integer maxItems) {
}
