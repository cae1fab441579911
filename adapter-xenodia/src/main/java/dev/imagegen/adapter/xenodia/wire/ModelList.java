package dev.imagegen.adapter.xenodia.wire;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The answer of {@code GET /v1/models}: {@code {"object": "list", "data": [model...]}}. */
@Serdeable
public record ModelList(String object, List<Model> data) {
}
