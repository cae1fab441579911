package dev.imagegen.adapter.bailian;

import static dev.imagegen.spi.OutputFormat.JPEG;
import static dev.imagegen.spi.OutputFormat.PNG;
import static dev.imagegen.spi.ReferenceTransport.INLINE;
import static dev.imagegen.spi.ReferenceTransport.URL;
import static dev.imagegen.spi.Resolution.FOUR_K;
import static dev.imagegen.spi.Resolution.ONE_K;
import static dev.imagegen.spi.Resolution.TWO_K;

import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.ReferenceLimits;
import dev.imagegen.spi.Resolution;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The models this provider serves, grouped by the wire protocol they speak, and what each accepts as VENDORS.md
 * (first section) states it: the only place these limits are written (the descriptor declares them, the request
 * mapping reads them). {@code nativePath} is the DashScope path of the family (null for Volcano Engine models,
 * which DashScope does not serve); {@code async} says whether DashScope runs it as a task
 * ({@code X-DashScope-Async: enable}); {@code etaFactor} is the first-poll hint for its tasks as a multiple of the
 * default first wait (5 s: about 15 s for Wan text-to-image, 20 s for image edit), 0 for synchronous families; a
 * {@code BAILIAN_POLL_INITIAL_DELAY} that is set is kept as given instead.
 *
 * <p>Wan: 1K only (each side 512-1440), PNG, n 1-4, seed, negative prompt up to 500 characters; text-to-image takes
 * no references, image edit 1-3. Qwen-Image: exactly its five sizes, one image. Seedream (Ark body): JPEG, one
 * image, no seed, no negative prompt, 0-14 references; 4.5 only at 2K and 4K.
 */
enum ModelFamily {
    WAN_T2I(Protocol.DASHSCOPE, "/api/v1/services/aigc/text2image/image-synthesis", true, 3,
            wan(500, ReferenceLimits.NONE),
            "wan2.2-t2i-flash", "wan2.2-t2i-plus", "wanx2.1-t2i-turbo"),
    WAN_I2I(Protocol.DASHSCOPE, "/api/v1/services/aigc/image2image/image-synthesis", true, 4,
            wan(2000, new ReferenceLimits(1, 3, Set.of(URL, INLINE),
                    Set.of("image/jpeg", "image/png", "image/bmp", "image/webp"), 10L * 1024 * 1024)),
            "wan2.5-i2i-preview"),
    QWEN_IMAGE(Protocol.DASHSCOPE, "/api/v1/services/aigc/multimodal-generation/generation", false, 0,
            ModelCapabilities.builder()
                    .aspectRatios(Sizes.QWEN_SIZES.stream().map(Sizes.QwenSize::ratioText).toArray(String[]::new))
                    .resolutions(ONE_K).outputFormats(PNG).maxPromptLength(800).negativePrompt(500).seed(true)
                    .build(),
            "qwen-image-plus", "qwen-image"),
    SEEDREAM_40(Protocol.ARK, null, false, 0, seedream(ONE_K, TWO_K, FOUR_K), "doubao-seedream-4-0-250828"),
    SEEDREAM_45(Protocol.ARK, null, false, 0, seedream(TWO_K, FOUR_K), "doubao-seedream-4-5-251128");

    /** The body a family's models take. */
    enum Protocol { DASHSCOPE, ARK }

    private final Protocol protocol;
    private final String nativePath;
    private final boolean async;
    private final int etaFactor;
    private final ModelCapabilities capabilities;
    private final List<String> models;

    ModelFamily(Protocol protocol, String nativePath, boolean async, int etaFactor, ModelCapabilities capabilities,
                String... models) {
        this.protocol = protocol;
        this.nativePath = nativePath;
        this.async = async;
        this.etaFactor = etaFactor;
        this.capabilities = capabilities;
        this.models = List.of(models);
    }

    private static ModelCapabilities wan(int maxPromptLength, ReferenceLimits references) {
        return ModelCapabilities.builder()
                .aspectRatios("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9")
                .resolutions(ONE_K).outputFormats(PNG).maxImages(4)
                .maxPromptLength(maxPromptLength).negativePrompt(500).seed(true)
                .references(references)
                .build();
    }

    private static ModelCapabilities seedream(Resolution... resolutions) {
        return ModelCapabilities.builder()
                .aspectRatios("1:1", "2:3", "3:2", "3:4", "4:3", "9:16", "16:9", "21:9")
                .resolutions(resolutions).outputFormats(JPEG).maxPromptLength(3000)
                .references(ReferenceLimits.upTo(14, Set.of(URL, INLINE), Set.of("image/jpeg", "image/png",
                        "image/webp", "image/bmp", "image/tiff", "image/gif"), 10L * 1024 * 1024))
                .build();
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

    /** What every model of this family accepts. */
    ModelCapabilities capabilities() {
        return capabilities;
    }

    /** The family's models as the descriptor declares them. */
    Stream<ModelOffer> offers() {
        return models.stream().map(model -> ModelOffer.declared(model, capabilities));
    }
}
