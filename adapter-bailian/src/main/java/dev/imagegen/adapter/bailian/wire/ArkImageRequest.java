package dev.imagegen.adapter.bailian.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * The Volcano Engine Ark image body ({@code POST /api/v3/images/generations}) as the gateway forwards it for
 * Seedream models. {@code image} is one string or a list of strings (URLs or {@code data:} URIs); {@code extra}
 * holds the caller's own vendor options, written at the top level.
 */
@Serdeable
public record ArkImageRequest(String model, String prompt, Object image, String size,
                              @JsonProperty("response_format") String responseFormat, Object watermark,
                              @JsonAnyGetter Map<String, Object> extra) {
}
