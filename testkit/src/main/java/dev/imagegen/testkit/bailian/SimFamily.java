package dev.imagegen.testkit.bailian;

import java.util.Map;

/** The simulator's own table of the models it serves (kept apart from the adapter's, so it can catch it out). */
enum SimFamily {
    WAN_T2I("/api/v1/services/aigc/text2image/image-synthesis", true),
    WAN_I2I("/api/v1/services/aigc/image2image/image-synthesis", true),
    QWEN_IMAGE("/api/v1/services/aigc/multimodal-generation/generation", false),
    SEEDREAM_40(null, false),
    SEEDREAM_45(null, false);

    private static final Map<String, SimFamily> MODELS = Map.of(
            "wan2.2-t2i-flash", WAN_T2I, "wan2.2-t2i-plus", WAN_T2I, "wanx2.1-t2i-turbo", WAN_T2I,
            "wan2.5-i2i-preview", WAN_I2I,
            "qwen-image-plus", QWEN_IMAGE, "qwen-image", QWEN_IMAGE,
            "doubao-seedream-4-0-250828", SEEDREAM_40, "doubao-seedream-4-5-251128", SEEDREAM_45);

    final String nativePath;
    final boolean async;

    SimFamily(String nativePath, boolean async) {
        this.nativePath = nativePath;
        this.async = async;
    }

    static SimFamily of(Object model) {
        return model instanceof String id ? MODELS.get(id) : null;
    }

    boolean ark() {
        return nativePath == null;
    }
}
