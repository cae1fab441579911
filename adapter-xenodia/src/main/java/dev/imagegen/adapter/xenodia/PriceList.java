package dev.imagegen.adapter.xenodia;

import dev.imagegen.spi.CapabilityRefinement;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.Resolution;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a generation costs by Xenodia's published prices: the {@code capabilities.pricing} tiers of
 * {@code GET /v1/models} (mode {@code resolution}, per image, in micro-USDC), as discovery last read them. A tier
 * whose id names the resolution ({@code 1k_2k} for 1K and 2K, {@code 4k} for 4K) prices it; a request that leaves
 * the resolution open is Xenodia's default, 1K. An unknown model or tier, a price list not read yet, or an amount
 * that does not fit gives no price: never a guess.
 */
final class PriceList {

    static final String CURRENCY = "USDC";

    private final Map<ModelId, CapabilityRefinement> discovered;

    PriceList(Map<ModelId, CapabilityRefinement> discovered) {
        this.discovered = discovered;
    }

    /** The price of {@code images} images of the model at the resolution (null: Xenodia's default, 1K). */
    Optional<Cost> price(ModelId model, Resolution resolution, int images) {
        CapabilityRefinement refinement = discovered.get(model);
        if (refinement == null || images < 1) {
            return Optional.empty();
        }
        String label = (resolution == null ? Resolution.ONE_K : resolution).label().toLowerCase(Locale.ROOT);
        return refinement.pricesMicroUsd().entrySet().stream()
                .filter(tier -> Arrays.asList(tier.getKey().toLowerCase(Locale.ROOT).split("_")).contains(label))
                .findFirst()
                .flatMap(tier -> times(tier.getKey(), tier.getValue(), images));
    }

    private static Optional<Cost> times(String tier, long microsPerImage, int images) {
        if (microsPerImage < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Cost.ofMicros(Math.multiplyExact(microsPerImage, images), CURRENCY,
                    "vendor price list: " + tier + " tier × " + images + (images == 1 ? " image" : " images")));
        } catch (ArithmeticException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
