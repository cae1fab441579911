package dev.imagegen.adapter.xenodia;

import dev.imagegen.adapter.xenodia.wire.Capabilities;
import dev.imagegen.adapter.xenodia.wire.Model;
import dev.imagegen.adapter.xenodia.wire.ModelList;
import dev.imagegen.adapter.xenodia.wire.Parameter;
import dev.imagegen.adapter.xenodia.wire.PricingTier;
import dev.imagegen.spi.AspectRatio;
import dev.imagegen.spi.CapabilityRefinement;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.Resolution;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code GET /v1/models} says about the models this provider serves, as {@link CapabilityRefinement}s: the
 * {@code aspect_ratio} and {@code resolution} enums of {@code capabilities.parameters},
 * {@code reference_input.max_items} (0 when {@code supported} is false) and the {@code pricing} tiers (micro-USDC
 * per image, given as micro-USD). Values the spi cannot spell (a resolution such as {@code 8K}) are left out, which
 * only narrows what is offered; models this provider does not know are ignored.
 */
final class DiscoveryMapping {

    private DiscoveryMapping() {
    }

    static Map<ModelId, CapabilityRefinement> refinements(ModelList list) {
        Map<ModelId, CapabilityRefinement> refinements = new HashMap<>();
        if (list.data() == null) {
            return refinements;
        }
        for (Model model : list.data()) {
            if (model == null || model.id() == null || model.capabilities() == null) {
                continue;
            }
            try {
                XenodiaModel.of(ModelId.of(model.id())).ifPresent(known ->
                        refinements.put(known.id(), refinement(model.capabilities())));
            } catch (IllegalArgumentException e) {
                // a model id the spi cannot spell is not one of ours
            }
        }
        return refinements;
    }

    private static CapabilityRefinement refinement(Capabilities capabilities) {
        Set<AspectRatio> ratios = enumOf(capabilities.parameters(), "aspect_ratio", AspectRatio::parse);
        Set<Resolution> resolutions = enumOf(capabilities.parameters(), "resolution", Resolution::parse);
        Integer maxReferences = null;
        if (capabilities.referenceInput() != null) {
            maxReferences = Boolean.FALSE.equals(capabilities.referenceInput().supported()) ? Integer.valueOf(0)
                    : capabilities.referenceInput().maxItems();
            if (maxReferences != null && maxReferences < 0) {
                maxReferences = null;
            }
        }
        Map<String, Long> prices = new HashMap<>();
        if (capabilities.pricing() != null && capabilities.pricing().tiers() != null) {
            for (PricingTier tier : capabilities.pricing().tiers()) {
                if (tier != null && tier.id() != null && tier.priceMicroUsdc() != null) {
                    prices.put(tier.id(), tier.priceMicroUsdc());
                }
            }
        }
        return new CapabilityRefinement(ratios, resolutions, maxReferences, prices);
    }

    /** The readable values of one parameter's enum, or null when discovery lists none of them. */
    private static <T> Set<T> enumOf(List<Parameter> parameters, String name, Function<String, T> parse) {
        if (parameters == null) {
            return null;
        }
        Set<T> values = new LinkedHashSet<>();
        for (Parameter parameter : parameters) {
            if (parameter == null || !name.equals(parameter.name()) || parameter.values() == null) {
                continue;
            }
            for (String value : parameter.values()) {
                try {
                    values.add(parse.apply(value));
                } catch (RuntimeException e) {
                    // not spellable in the spi: left out
                }
            }
        }
        return values.isEmpty() ? null : values;
    }
}
