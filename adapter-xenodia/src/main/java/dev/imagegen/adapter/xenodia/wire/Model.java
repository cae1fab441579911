package dev.imagegen.adapter.xenodia.wire;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One model of the discovery list; only the fields the adapter reads. */
@Serdeable
public record Model(String id, String object, Boolean enabled, List<String> modalities, Capabilities capabilities) {
}
