package dev.imagegen.adapter.bailian.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Ark's images answer: the images in {@code data[]} (each may carry its own error), or a request {@code error}. */
@Serdeable
public record ArkImagesResponse(String model, Long created, List<Image> data, Error error) {

    /** One generated image, or the error that replaced it. */
    @Serdeable
    public record Image(String url, @JsonProperty("b64_json") String b64Json, String size, Error error) {
    }

    /** An Ark error: {@code code} such as {@code InvalidParameter}, and a message. */
    @Serdeable
    public record Error(String code, String message) {
    }
}
