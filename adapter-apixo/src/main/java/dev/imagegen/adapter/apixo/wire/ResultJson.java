package dev.imagegen.adapter.apixo.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What a successful task's {@code resultJson} string holds.
 *
 * @param resultUrls the generated images
 */
@Serdeable
public record ResultJson(@JsonProperty("resultUrls") List<String> resultUrls) {
}
