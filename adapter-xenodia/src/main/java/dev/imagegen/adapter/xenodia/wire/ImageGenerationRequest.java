package dev.imagegen.adapter.xenodia.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of {@code POST /v1/images/generations}. Null fields are left out; {@code vendorFields} are the
 * caller's vendor-native fields, written beside the others unchanged.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ImageGenerationRequest(String model, String prompt, Integer n, Boolean async, String responseFormat,
                                     String aspectRatio, String resolution, String outputFormat,
                                     List<String> imageInput, Long channelId,
                                     @JsonAnyGetter Map<String, Object> vendorFields) {
}
