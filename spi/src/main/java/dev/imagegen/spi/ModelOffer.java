package dev.imagegen.spi;

import java.util.Objects;

/**
 * One model a provider serves, with what it accepts.
 *
 * <p>The adapter declares the model's capabilities in full: its vendor's facts live in its own module, and the core
 * keeps only the rules and the check. The provider may {@linkplain #refinedBy refine} them with what its vendor's
 * live discovery says. Default-deny: what the capabilities do not declare is refused. Immutable and thread-safe.
 *
 * @param model        the model id, never null
 * @param declared     the capabilities the adapter declares, never null
 * @param refinement   what live discovery says, never null ({@link CapabilityRefinement#NONE} when nothing)
 * @param capabilities what the model accepts: {@code declared} with {@code refinement} applied, worked out once
 *                     here (every request is checked against it); null to have it worked out, anything else must
 *                     equal it
 */
public record ModelOffer(ModelId model, ModelCapabilities declared, CapabilityRefinement refinement,
                         ModelCapabilities capabilities) {

    public ModelOffer {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(declared, "declared");
        refinement = refinement == null ? CapabilityRefinement.NONE : refinement;
        ModelCapabilities refined = declared.refinedBy(refinement);
        if (capabilities != null && !capabilities.equals(refined)) {
            throw new IllegalArgumentException("capabilities of " + model + " must be the declared ones with the "
                    + "refinement applied");
        }
        capabilities = refined;
    }

    /** An offer whose capabilities are worked out from the declared ones and the refinement. */
    public ModelOffer(ModelId model, ModelCapabilities declared, CapabilityRefinement refinement) {
        this(model, declared, refinement, null);
    }

    /** A model this provider serves, with everything it accepts. */
    public static ModelOffer declared(String model, ModelCapabilities capabilities) {
        return new ModelOffer(ModelId.of(model), capabilities, CapabilityRefinement.NONE);
    }

    public ModelOffer refinedBy(CapabilityRefinement newRefinement) {
        return new ModelOffer(model, declared, newRefinement);
    }
}
