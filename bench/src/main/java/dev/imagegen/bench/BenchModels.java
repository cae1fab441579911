package dev.imagegen.bench;

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
import java.util.Set;

/**
 * Model declarations for the benchmarks' stand-in providers, shaped like the adapters' (the bench measures the
 * core's path, not a vendor's facts, so it declares its own rather than compiling against an adapter).
 */
public final class BenchModels {

    private static final String[] RATIOS = {"1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9",
            "auto"};

    private BenchModels() {
    }

    /** An image model with many ratios, three resolutions, two formats and up to 8 references. */
    public static ModelOffer nanoBananaPro() {
        return ModelOffer.declared("nano-banana-pro", ModelCapabilities.builder()
                .aspectRatios(RATIOS).resolutions(ONE_K, TWO_K, FOUR_K).outputFormats(PNG, JPEG)
                .maxPromptLength(32_000)
                .references(ReferenceLimits.upTo(8, Set.of(URL, INLINE), JPEG_PNG_WEBP, 30L << 20))
                .build());
    }

    /** A model with forbidden combinations: {@code auto} only at 1K, {@code 1:1} not at 4K, no output format. */
    public static ModelOffer gptImage2() {
        return ModelOffer.declared("gpt-image-2", ModelCapabilities.builder()
                .aspectRatios("auto", "1:1", "9:16", "16:9", "4:3", "3:4").resolutions(ONE_K, TWO_K, FOUR_K)
                .forbid("auto", TWO_K).forbid("auto", FOUR_K).forbid("1:1", FOUR_K)
                .maxPromptLength(32_000)
                .build());
    }

    /** A 1K-only model that makes up to four images per request. */
    public static ModelOffer declared(String model) {
        return ModelOffer.declared(model, ModelCapabilities.builder()
                .aspectRatios("1:1", "16:9", "9:16").resolutions(ONE_K).outputFormats(PNG).maxImages(4).seed(true)
                .build());
    }
}
