package dev.imagegen.adapter.apixo;

import static dev.imagegen.spi.OutputFormat.JPEG;
import static dev.imagegen.spi.OutputFormat.PNG;
import static dev.imagegen.spi.ReferenceLimits.JPEG_PNG_WEBP;
import static dev.imagegen.spi.Resolution.FOUR_K;
import static dev.imagegen.spi.Resolution.ONE_K;
import static dev.imagegen.spi.Resolution.TWO_K;

import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.ReferenceLimits;
import dev.imagegen.spi.ReferenceTransport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The models this adapter serves and what each accepts, as seed 004 and VENDORS.md state them: the only place these
 * limits are written (the descriptor declares them, {@link ApixoRequestRules} reads them). nano-banana-pro: eleven
 * ratios, 1K/2K/4K, PNG or JPEG, prompts up to 5,000 characters, one image, no seed, no negative prompt, up to 10
 * references sent as URLs only (Apixo has no upload endpoint), JPEG/PNG/WebP of at most 10 MB.
 */
final class ApixoModels {

    static final ModelId NANO_BANANA_PRO = ModelId.of("nano-banana-pro");

    private static final Map<ModelId, ModelCapabilities> CAPABILITIES = Map.of(NANO_BANANA_PRO,
            ModelCapabilities.builder()
                    .aspectRatios("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9", "auto")
                    .resolutions(ONE_K, TWO_K, FOUR_K).outputFormats(PNG, JPEG)
                    .maxPromptLength(5000)
                    .references(ReferenceLimits.upTo(10, Set.of(ReferenceTransport.URL), JPEG_PNG_WEBP,
                            10L * 1024 * 1024))
                    .build());

    private ApixoModels() {
    }

    /** What the model accepts, or empty when this adapter does not serve it. */
    static Optional<ModelCapabilities> capabilities(ModelId model) {
        return Optional.ofNullable(CAPABILITIES.get(model));
    }

    static List<ModelOffer> offers() {
        return List.of(ModelOffer.declared(NANO_BANANA_PRO.value(), CAPABILITIES.get(NANO_BANANA_PRO)));
    }
}
