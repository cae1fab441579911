package dev.imagegen.adapter.xenodia.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One entry of {@code capabilities.parameters}: a request field and the values it takes. */
@Serdeable
public record Parameter(String name, @JsonProperty("enum") List<String> values) {
}
