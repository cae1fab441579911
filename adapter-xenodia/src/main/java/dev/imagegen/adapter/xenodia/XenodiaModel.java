package dev.imagegen.adapter.xenodia;

import static dev.imagegen.spi.OutputFormat.JPEG;
import static dev.imagegen.spi.OutputFormat.PNG;
import static dev.imagegen.spi.ReferenceLimits.JPEG_PNG_WEBP;
import static dev.imagegen.spi.ReferenceTransport.INLINE;
import static dev.imagegen.spi.ReferenceTransport.URL;
import static dev.imagegen.spi.Resolution.FOUR_K;
import static dev.imagegen.spi.Resolution.ONE_K;
import static dev.imagegen.spi.Resolution.TWO_K;

import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ReferenceLimits;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The models Xenodia serves through its shared image endpoint and what each accepts, as seeds 000-002 and
 * VENDORS.md state them: the only place these limits are written. Xenodia states no prompt limit, so prompts are
 * capped at a generous 32,000 characters to keep absurd payloads out; references (URL and upload counted together)
 * are JPEG, PNG or WebP of at most 30 MiB each; one image per request; no seed, no negative prompt.
 */
enum XenodiaModel {
    NANO_BANANA_PRO("nano-banana-pro", base()
            .aspectRatios("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9", "auto")
            .resolutions(ONE_K, TWO_K, FOUR_K).outputFormats(PNG, JPEG)
            .references(references(8))),
    /** Xenodia refuses {@code output_format} for gpt-image-2, so it declares no output format. */
    GPT_IMAGE_2("gpt-image-2", base()
            .aspectRatios("auto", "1:1", "9:16", "16:9", "4:3", "3:4").resolutions(ONE_K, TWO_K, FOUR_K)
            .forbid("auto", TWO_K).forbid("auto", FOUR_K).forbid("1:1", FOUR_K)
            .references(references(16)));

    private final ModelId id;
    private final ModelCapabilities capabilities;

    XenodiaModel(String id, ModelCapabilities.Builder capabilities) {
        this.id = ModelId.of(id);
        this.capabilities = capabilities.build();
    }

    private static ModelCapabilities.Builder base() {
        return ModelCapabilities.builder().maxPromptLength(32_000);
    }

    private static ReferenceLimits references(int maxCount) {
        return ReferenceLimits.upTo(maxCount, Set.of(URL, INLINE), JPEG_PNG_WEBP, 30L * 1024 * 1024);
    }

    ModelId id() {
        return id;
    }

    ModelCapabilities capabilities() {
        return capabilities;
    }

    /** This model as the descriptor offers it, before discovery's refinement. */
    ModelOffer offer() {
        return ModelOffer.declared(id.value(), capabilities);
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
