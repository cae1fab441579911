package dev.imagegen.testkit.xenodia;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model as the simulator serves it: what its submits may say (the simulator refuses everything else) and
 * what {@code GET /v1/models} lists for it. The defaults are the seeds' values; prices are illustrative.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id                the public model id
 * @param ownedBy           the brand, as discovery lists it
 * @param aspectRatios      the {@code aspect_ratio} enum
 * @param resolutions       the {@code resolution} enum
 * @param outputFormats     the {@code output_format} enum; empty: the field is refused
 * @param maxReferences     URLs and files together
 * @param forbidden         {@code aspect_ratio} to the resolutions it may not be combined with
 * @param channels          the ids of {@code available_channels}
 * @param priceTiers        pricing tier id to price in micro-USDC per image
 */
public record SimulatedModel(String id, String ownedBy, List<String> aspectRatios, List<String> resolutions,
                             List<String> outputFormats, int maxReferences, Map<String, List<String>> forbidden,
                             List<Integer> channels, Map<String, Long> priceTiers) {

    /** Accepted reference file types. */
    public static final List<String> ACCEPTED_MIME = List.of("image/jpeg", "image/png", "image/webp");
    /** The largest reference file: 30 MiB. */
    public static final long MAX_FILE_BYTES = 31_457_280L;

    /** nano-banana-pro: 11 ratios incl. auto, 1K/2K/4K, png/jpg, up to 8 references. */
    public static final SimulatedModel NANO_BANANA_PRO = new SimulatedModel("nano-banana-pro", "google",
            List.of("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9", "auto"),
            List.of("1K", "2K", "4K"), List.of("png", "jpg"), 8, Map.of(), List.of(1, 2),
            orderedMap("1k_2k", 134_000L, "4k", 240_000L));

    /** gpt-image-2: 6 ratios, 1K/2K/4K with auto only 1K and 1:1 not 4K, no output format, up to 16 references. */
    public static final SimulatedModel GPT_IMAGE_2 = new SimulatedModel("gpt-image-2", "openai",
            List.of("auto", "1:1", "9:16", "16:9", "4:3", "3:4"), List.of("1K", "2K", "4K"), List.of(), 16,
            Map.of("auto", List.of("2K", "4K"), "1:1", List.of("4K")), List.of(1),
            orderedMap("1k_2k", 167_000L, "4k", 250_000L));

    public SimulatedModel {
        Objects.requireNonNull(id, "id");
        aspectRatios = List.copyOf(aspectRatios);
        resolutions = List.copyOf(resolutions);
        outputFormats = List.copyOf(outputFormats);
        forbidden = Map.copyOf(forbidden);
        channels = List.copyOf(channels);
        priceTiers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(priceTiers));
    }

    /** The two models of the seeds. */
    public static List<SimulatedModel> defaults() {
        return List.of(NANO_BANANA_PRO, GPT_IMAGE_2);
    }

    public SimulatedModel withAspectRatios(String... values) {
        return new SimulatedModel(id, ownedBy, List.of(values), resolutions, outputFormats, maxReferences, forbidden,
                channels, priceTiers);
    }

    public SimulatedModel withResolutions(String... values) {
        return new SimulatedModel(id, ownedBy, aspectRatios, List.of(values), outputFormats, maxReferences, forbidden,
                channels, priceTiers);
    }

    public SimulatedModel withMaxReferences(int value) {
        return new SimulatedModel(id, ownedBy, aspectRatios, resolutions, outputFormats, value, forbidden, channels,
                priceTiers);
    }

    public SimulatedModel withPriceTiers(Map<String, Long> tiers) {
        return new SimulatedModel(id, ownedBy, aspectRatios, resolutions, outputFormats, maxReferences, forbidden,
                channels, tiers);
    }

    /**
     * The price in micro-USDC of one image at a resolution: the tier whose id names it ({@code 1k_2k} for 1K and
     * 2K); null when no tier does.
     */
    public Long priceOf(String resolution) {
        String label = resolution.toLowerCase(java.util.Locale.ROOT);
        return priceTiers.entrySet().stream()
                .filter(tier -> List.of(tier.getKey().toLowerCase(java.util.Locale.ROOT).split("_")).contains(label))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    boolean forbids(String aspectRatio, String resolution) {
        return aspectRatio != null && resolution != null
                && forbidden.getOrDefault(aspectRatio, List.of()).contains(resolution);
    }

    /** The item of {@code GET /v1/models}, in the shape of Xenodia's model discovery page. */
    Map<String, Object> discoveryItem() {
        Map<String, Object> pricing = new LinkedHashMap<>();
        pricing.put("mode", "resolution");
        pricing.put("tiers", priceTiers.entrySet().stream().map(e -> orderedMap("id", e.getKey(),
                "label", e.getKey().replace("_", " / ").toUpperCase(java.util.Locale.ROOT), "unit", "image",
                "price_micro_usdc", e.getValue())).toList());
        List<Object> parameters = new java.util.ArrayList<>(List.of(
                orderedMap("name", "aspect_ratio", "enum", aspectRatios),
                orderedMap("name", "resolution", "enum", resolutions)));
        if (!outputFormats.isEmpty()) {
            parameters.add(orderedMap("name", "output_format", "enum", outputFormats));
        }
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("async_supported", true);
        capabilities.put("request_mode", List.of("task"));
        capabilities.put("pricing", pricing);
        capabilities.put("parameters", parameters);
        capabilities.put("reference_input", orderedMap("supported", maxReferences > 0,
                "transport", List.of("url", "multipart_file"), "max_items", maxReferences));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("object", "model");
        item.put("name", id);
        item.put("owned_by", ownedBy);
        item.put("brand_key", ownedBy);
        item.put("brand_image_url", "/v1/models/brands/" + ownedBy + "/image");
        item.put("upstream_id", ownedBy + "/" + id);
        item.put("released_at", null);
        item.put("modalities", List.of("image"));
        item.put("description", "Image generation model.");
        item.put("price_input_per_m", 0);
        item.put("price_output_per_m", 0);
        item.put("capabilities", capabilities);
        item.put("enabled", true);
        item.put("created_at", "2026-01-01T00:00:00Z");
        item.put("updated_at", "2026-01-01T00:00:00Z");
        item.put("available_channels", channels.stream().map(c -> orderedMap("id", c, "name", "Image route " + c,
                "slug", "route-" + c, "description", "Image route option for this model.",
                "price_input_per_m", 0, "price_output_per_m", 0)).toList());
        return item;
    }

    static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V value = (V) keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value);
        }
        return map;
    }
}
