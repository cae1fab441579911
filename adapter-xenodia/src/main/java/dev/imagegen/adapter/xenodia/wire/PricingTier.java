package dev.imagegen.adapter.xenodia.wire;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** One price tier, priced in micro-USDC per {@code unit}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PricingTier(String id, String label, String unit, Long priceMicroUsdc) {
}
