package dev.imagegen.adapter.xenodia.wire;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code capabilities.pricing}: a mode (such as {@code resolution}) and its tiers. */
@Serdeable
public record Pricing(String mode, List<PricingTier> tiers) {
}
