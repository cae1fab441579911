package dev.imagegen.adapter.bailian;

import dev.imagegen.spi.ModelId;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The models this provider serves, grouped by the wire protocol they speak. {@code nativePath} is the DashScope
 * path of the family (null for Volcano Engine models, which DashScope does not serve); {@code async} says whether
 * DashScope runs it as a task ({@code X-DashScope-Async: enable}); {@code etaFactor} is the first-poll hint for its
 * tasks as a multiple of the configured first wait ({@code BAILIAN_POLL_INITIAL_DELAY}, 5 s by default: about 15 s
 * for Wan text-to-image, 20 s for image edit), 0 for synchronous families.
 */
enum ModelFamily {
    WAN_T2I(Protocol.DASHSCOPE, "/api/v1/services/aigc/text2image/image-synthesis", true, 3,
            "wan2.2-t2i-flash", "wan2.2-t2i-plus", "wanx2.1-t2i-turbo"),
    WAN_I2I(Protocol.DASHSCOPE, "/api/v1/services/aigc/image2image/image-synthesis", true, 4,
            "wan2.5-i2i-preview"),
    QWEN_IMAGE(Protocol.DASHSCOPE, "/api/v1/services/aigc/multimodal-generation/generation", false, 0,
            "qwen-image-plus", "qwen-image"),
    SEEDREAM_40(Protocol.ARK, null, false, 0, "doubao-seedream-4-0-250828"),
    SEEDREAM_45(Protocol.ARK, null, false, 0, "doubao-seedream-4-5-251128");

    /** The body a family's models take. */
    enum Protocol { DASHSCOPE, ARK }

    private final Protocol protocol;
    private final String nativePath;
    private final boolean async;
    private final int etaFactor;
    private final List<String> models;

    ModelFamily(Protocol protocol, String nativePath, boolean async, int etaFactor, String... models) {
        this.protocol = protocol;
        this.nativePath = nativePath;
        this.async = async;
        this.etaFactor = etaFactor;
        this.models = List.of(models);
    }

    static Optional<ModelFamily> of(ModelId model) {
        return Arrays.stream(values()).filter(f -> f.models.contains(model.value())).findFirst();
    }

    Protocol protocol() {
        return protocol;
    }

    boolean dashScope() {
        return protocol == Protocol.DASHSCOPE;
    }

    Optional<String> nativePath() {
        return Optional.ofNullable(nativePath);
    }

    boolean async() {
        return async;
    }

    /** The first-poll hint for this family's tasks, given the configured first wait. */
    Optional<Duration> eta(Duration firstWait) {
        return etaFactor == 0 ? Optional.empty() : Optional.of(firstWait.multipliedBy(etaFactor));
    }

    List<String> models() {
        return models;
    }
}
