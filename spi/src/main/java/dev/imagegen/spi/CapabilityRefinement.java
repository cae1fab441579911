package dev.imagegen.spi;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a vendor's live discovery says about a model, to refine the capabilities its adapter declares: each present
 * value replaces the declared one; an absent value leaves it as it is. Immutable and thread-safe.
 *
 * @param aspectRatios  the ratios discovery lists, null when it lists none
 * @param resolutions   the resolutions discovery lists, null when it lists none
 * @param maxReferences the reference cap discovery states, null when it states none
 * @param pricesMicroUsd price tiers as discovery names them (tier id to price per image in micro-USD), may be empty
 */
public record CapabilityRefinement(Set<AspectRatio> aspectRatios, Set<Resolution> resolutions, Integer maxReferences,
                                   Map<String, Long> pricesMicroUsd) {

    /** Refines nothing. */
    public static final CapabilityRefinement NONE = new CapabilityRefinement(null, null, null, Map.of());

    public CapabilityRefinement {
        aspectRatios = aspectRatios == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(aspectRatios));
        resolutions = resolutions == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(resolutions));
        pricesMicroUsd = pricesMicroUsd == null ? Map.of() : Map.copyOf(pricesMicroUsd);
        if (maxReferences != null && maxReferences < 0) {
            throw new IllegalArgumentException("maxReferences must not be negative");
        }
    }

    public Optional<Set<AspectRatio>> aspectRatiosIfKnown() {
        return Optional.ofNullable(aspectRatios);
    }

    public Optional<Set<Resolution>> resolutionsIfKnown() {
        return Optional.ofNullable(resolutions);
    }

    public OptionalInt maxReferencesIfKnown() {
        return maxReferences == null ? OptionalInt.empty() : OptionalInt.of(maxReferences);
    }
}
