package dev.imagegen.adapter.bailian.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The DashScope image body ({@code model}, {@code input}, {@code parameters}) that both the gateway and Alibaba's
 * native {@code /api/v1/services/aigc/...} paths take. Null fields are left out.
 */
@Serdeable
public record DashScopeRequest(String model, Input input, Parameters parameters) {

    /** {@code input}: the prompt (legacy wan), the references (wan2.5-i2i) or the messages (qwen-image). */
    @Serdeable
    public record Input(String prompt, @JsonProperty("negative_prompt") String negativePrompt, List<String> images,
                        List<Message> messages) {
    }

    /** One chat message of the multimodal-generation protocol. */
    @Serdeable
    public record Message(String role, List<Content> content) {
    }

    /** One content item: a {@code text} or an {@code image}. */
    @Serdeable
    public record Content(String text, String image) {
    }

    /**
     * {@code parameters}: the fields the adapter maps, plus the caller's own vendor options ({@code extra}) written
     * next to them.
     */
    @Serdeable
    public record Parameters(String size, Integer n, Long seed,
                             @JsonProperty("negative_prompt") String negativePrompt,
                             @JsonAnyGetter Map<String, Object> extra) {
    }
}
