package dev.imagegen.adapter.apixo.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The {@code input} of a generate task for the nano-banana family. Null fields are left out of the JSON.
 *
 * @param mode         {@code text-to-image} or {@code image-to-image}
 * @param prompt       the prompt
 * @param aspectRatio  such as {@code 16:9} or {@code auto}
 * @param resolution   {@code 1K}, {@code 2K} or {@code 4K}
 * @param imageUrls    reference image URLs (image-to-image only)
 * @param outputFormat {@code png} or {@code jpeg}
 */
@Serdeable
public record GenerateTaskInput(@JsonProperty("mode") String mode,
                                @JsonProperty("prompt") String prompt,
                                @JsonProperty("aspect_ratio") String aspectRatio,
                                @JsonProperty("resolution") String resolution,
                                @JsonProperty("image_urls") List<String> imageUrls,
                                @JsonProperty("output_format") String outputFormat) {
}
