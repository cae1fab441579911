package dev.imagegen.adapter.xenodia;

import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.OutputFormat;
import java.util.Arrays;
import java.util.Optional;

/** The models Xenodia serves through its shared image endpoint, and how each spells its fields. */
enum XenodiaModel {
    NANO_BANANA_PRO("nano-banana-pro", true),
    /** Xenodia refuses {@code output_format} for gpt-image-2. */
    GPT_IMAGE_2("gpt-image-2", false);

    private final ModelId id;
    private final boolean takesOutputFormat;

    XenodiaModel(String id, boolean takesOutputFormat) {
        this.id = ModelId.of(id);
        this.takesOutputFormat = takesOutputFormat;
    }

    ModelId id() {
        return id;
    }

    boolean takesOutputFormat() {
        return takesOutputFormat;
    }

    static Optional<XenodiaModel> of(ModelId id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    /** Xenodia's spelling: {@code png}, and {@code jpg} for JPEG. */
    static String spell(OutputFormat format) {
        return switch (format) {
            case PNG -> "png";
            case JPEG -> "jpg";
        };
    }
}
