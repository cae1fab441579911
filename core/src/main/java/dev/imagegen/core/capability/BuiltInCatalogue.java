package dev.imagegen.core.capability;

import static dev.imagegen.spi.OutputFormat.JPEG;
import static dev.imagegen.spi.OutputFormat.PNG;
import static dev.imagegen.spi.ReferenceLimits.JPEG_PNG_WEBP;
import static dev.imagegen.spi.ReferenceTransport.INLINE;
import static dev.imagegen.spi.ReferenceTransport.URL;
import static dev.imagegen.spi.Resolution.FOUR_K;
import static dev.imagegen.spi.Resolution.ONE_K;
import static dev.imagegen.spi.Resolution.TWO_K;

import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ReferenceLimits;
import java.util.Set;

/**
 * The capabilities of every model in the project's vendor reference (VENDORS.md, first section), as the seeds and
 * that reference state them. Where a source states no limit (a prompt length, for example) the cap is generous
 * and named here, so that no request is unbounded.
 */
final class BuiltInCatalogue {

    private static final long MIB = 1024L * 1024;
    private static final long TEN_MB = 10 * MIB;
    private static final String[] ELEVEN_RATIOS =
            {"1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9", "auto"};
    private static final String[] WAN_RATIOS =
            {"1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"};
    private static final String[] SEEDREAM_RATIOS = {"1:1", "2:3", "3:2", "3:4", "4:3", "9:16", "16:9", "21:9"};
    /** Xenodia states no prompt limit; this cap keeps absurd payloads out. */
    private static final int XENODIA_PROMPT_CAP = 32_000;

    private BuiltInCatalogue() {
    }

    static Catalogue catalogue() {
        return Catalogue.builder()
                // Xenodia, seeds 000-002
                .add("xenodia", "nano-banana-pro", ModelCapabilities.builder()
                        .aspectRatios(ELEVEN_RATIOS).resolutions(ONE_K, TWO_K, FOUR_K).outputFormats(PNG, JPEG)
                        .maxPromptLength(XENODIA_PROMPT_CAP)
                        .references(ReferenceLimits.upTo(8, Set.of(URL, INLINE), JPEG_PNG_WEBP, 30 * MIB))
                        .build())
                .add("xenodia", "gpt-image-2", ModelCapabilities.builder()
                        .aspectRatios("auto", "1:1", "9:16", "16:9", "4:3", "3:4").resolutions(ONE_K, TWO_K, FOUR_K)
                        .forbid("auto", TWO_K).forbid("auto", FOUR_K).forbid("1:1", FOUR_K)
                        .maxPromptLength(XENODIA_PROMPT_CAP)
                        .references(ReferenceLimits.upTo(16, Set.of(URL, INLINE), JPEG_PNG_WEBP, 30 * MIB))
                        .build())
                // Apixo, seed 004: URL references only (no upload endpoint)
                .add("apixo", "nano-banana-pro", ModelCapabilities.builder()
                        .aspectRatios(ELEVEN_RATIOS).resolutions(ONE_K, TWO_K, FOUR_K).outputFormats(PNG, JPEG)
                        .maxPromptLength(5000)
                        .references(ReferenceLimits.upTo(10, Set.of(URL), JPEG_PNG_WEBP, TEN_MB))
                        .build())
                // Bailian (DashScope): Wan text-to-image, 1K only, each side 512-1440, PNG output
                .add("bailian", "wan2.2-t2i-flash", wanTextToImage())
                .add("bailian", "wan2.2-t2i-plus", wanTextToImage())
                .add("bailian", "wanx2.1-t2i-turbo", wanTextToImage())
                .add("bailian", "wan2.5-i2i-preview", ModelCapabilities.builder()
                        .aspectRatios(WAN_RATIOS).resolutions(ONE_K).outputFormats(PNG).maxImages(4)
                        .maxPromptLength(2000).negativePrompt(500).seed(true)
                        .references(new ReferenceLimits(1, 3, Set.of(URL, INLINE),
                                Set.of("image/jpeg", "image/png", "image/bmp", "image/webp"), TEN_MB))
                        .build())
                // Qwen-Image: exactly five sizes, n = 1, synchronous
                .add("bailian", "qwen-image-plus", qwenImage())
                .add("bailian", "qwen-image", qwenImage())
                // Volcano Engine Seedream (Ark body), synchronous, JPEG output, no seed
                .add("bailian", "doubao-seedream-4-0-250828", seedream(ONE_K, TWO_K, FOUR_K))
                .add("bailian", "doubao-seedream-4-5-251128", seedream(TWO_K, FOUR_K))
                .build();
    }

    private static ModelCapabilities wanTextToImage() {
        return ModelCapabilities.builder()
                .aspectRatios(WAN_RATIOS).resolutions(ONE_K).outputFormats(PNG).maxImages(4)
                .maxPromptLength(500).negativePrompt(500).seed(true)
                .build();
    }

    private static ModelCapabilities qwenImage() {
        return ModelCapabilities.builder()
                .aspectRatios("16:9", "4:3", "1:1", "3:4", "9:16").resolutions(ONE_K).outputFormats(PNG)
                .maxPromptLength(800).negativePrompt(500).seed(true)
                .build();
    }

    private static ModelCapabilities seedream(dev.imagegen.spi.Resolution... resolutions) {
        return ModelCapabilities.builder()
                .aspectRatios(SEEDREAM_RATIOS).resolutions(resolutions).outputFormats(JPEG)
                .maxPromptLength(3000)
                .references(ReferenceLimits.upTo(14, Set.of(URL, INLINE), Set.of("image/jpeg", "image/png",
                        "image/webp", "image/bmp", "image/tiff", "image/gif"), TEN_MB))
                .build();
    }
}
