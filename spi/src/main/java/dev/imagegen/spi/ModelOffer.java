package dev.imagegen.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One model a provider serves.
 *
 * <p>Capabilities come from one of two places. For the models the project knows (every model in its vendor
 * reference), the core's built-in catalogue holds them, and the provider may {@linkplain #refinement() refine}
 * them with what its vendor's discovery says. A provider that serves a model the catalogue does not know must
 * {@linkplain #declared() declare} its capabilities in full; otherwise the model is refused (default-deny).
 *
 * @param model      the model id, never null
 * @param declared   full capabilities, or null to use the built-in catalogue's
 * @param refinement what live discovery says, never null ({@link CapabilityRefinement#NONE} when nothing)
 */
public record ModelOffer(ModelId model, ModelCapabilities declared, CapabilityRefinement refinement) {

    public ModelOffer {
        Objects.requireNonNull(model, "model");
        refinement = refinement == null ? CapabilityRefinement.NONE : refinement;
    }

    /** A model whose capabilities the built-in catalogue holds. */
    public static ModelOffer builtIn(String model) {
        return new ModelOffer(ModelId.of(model), null, CapabilityRefinement.NONE);
    }

    /** A model this provider describes in full. */
    public static ModelOffer declared(String model, ModelCapabilities capabilities) {
        return new ModelOffer(ModelId.of(model), Objects.requireNonNull(capabilities, "capabilities"),
                CapabilityRefinement.NONE);
    }

    public Optional<ModelCapabilities> declaredCapabilities() {
        return Optional.ofNullable(declared);
    }

    public ModelOffer refinedBy(CapabilityRefinement newRefinement) {
        return new ModelOffer(model, declared, newRefinement);
    }
}
