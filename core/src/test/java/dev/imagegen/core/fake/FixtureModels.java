package dev.imagegen.core.fake;

import static dev.imagegen.spi.OutputFormat.JPEG;
import static dev.imagegen.spi.OutputFormat.PNG;
import static dev.imagegen.spi.ReferenceLimits.JPEG_PNG_WEBP;
import static dev.imagegen.spi.ReferenceTransport.INLINE;
import static dev.imagegen.spi.ReferenceTransport.URL;
import static dev.imagegen.spi.Resolution.FOUR_K;
import static dev.imagegen.spi.Resolution.ONE_K;
import static dev.imagegen.spi.Resolution.TWO_K;

import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.ReferenceLimits;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The core tests' own model declarations, shaped like real vendors' (the adapters declare the real ones; the core
 * must not know them): the provider and model names the tests use, each with capabilities the tests rely on, such
 * as gpt-image-2 refusing 4K at 1:1, references up to 8 (URL or upload) at one provider and up to 10 URLs only at
 * another, and Wan's n up to 4.
 */
public final class FixtureModels {

    private static final String[] ELEVEN_RATIOS =
            {"1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9", "auto"};

    private static final Map<String, ModelCapabilities> MODELS = Map.of(
            "xenodia/nano-banana-pro", ModelCapabilities.builder()
                    .aspectRatios(ELEVEN_RATIOS).resolutions(ONE_K, TWO_K, FOUR_K).outputFormats(PNG, JPEG)
                    .references(ReferenceLimits.upTo(8, Set.of(URL, INLINE), JPEG_PNG_WEBP, 1 << 20))
                    .build(),
            "xenodia/gpt-image-2", ModelCapabilities.builder()
                    .aspectRatios("auto", "1:1", "9:16", "16:9", "4:3", "3:4").resolutions(ONE_K, TWO_K, FOUR_K)
                    .forbid("auto", TWO_K).forbid("auto", FOUR_K).forbid("1:1", FOUR_K)
                    .build(),
            "apixo/nano-banana-pro", ModelCapabilities.builder()
                    .aspectRatios(ELEVEN_RATIOS).resolutions(ONE_K, TWO_K, FOUR_K).outputFormats(PNG, JPEG)
                    .references(ReferenceLimits.upTo(10, Set.of(URL), JPEG_PNG_WEBP, 1 << 20))
                    .build(),
            "bailian/wan2.2-t2i-flash", ModelCapabilities.builder()
                    .aspectRatios("1:1", "16:9").resolutions(ONE_K).outputFormats(PNG).maxImages(4).seed(true)
                    .negativePrompt(500).build(),
            "bailian/qwen-image", ModelCapabilities.builder()
                    .aspectRatios("16:9", "4:3", "1:1", "3:4", "9:16").resolutions(ONE_K).outputFormats(PNG)
                    .build());

    private FixtureModels() {
    }

    /** The fixture's declaration of this provider's model. */
    public static ModelOffer offer(String provider, String model) {
        return ModelOffer.declared(model, capabilities(provider, model));
    }

    public static ModelCapabilities capabilities(String provider, String model) {
        return Optional.ofNullable(MODELS.get(provider + "/" + model)).orElseThrow(() -> new IllegalArgumentException(
                "no fixture declares " + provider + "/" + model + "; known: " + MODELS.keySet()));
    }
}
