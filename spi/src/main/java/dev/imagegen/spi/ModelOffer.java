package dev.imagegen.spi;

import java.util.Objects;

/**
 * One model a provider serves, with what it accepts.
 *
 * <p>The adapter declares the model's capabilities in full: its vendor's facts live in its own module, and the core
 * keeps only the rules and the check. The provider may {@linkplain #refinedBy refine} them with what its vendor's
 * live discovery says. Default-deny: what the capabilities do not declare is refused. Immutable and thread-safe.
 *
 * @param model      the model id, never null
 * @param declared   the capabilities the adapter declares, never null
 * @param refinement what live discovery says, never null ({@link CapabilityRefinement#NONE} when nothing)
 */
public record ModelOffer(ModelId model, ModelCapabilities declared, CapabilityRefinement refinement) {

    public ModelOffer {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(declared, "declared");
        refinement = refinement == null ? CapabilityRefinement.NONE : refinement;
    }

    /** A model this provider serves, with everything it accepts. */
    public static ModelOffer declared(String model, ModelCapabilities capabilities) {
        return new ModelOffer(ModelId.of(model), capabilities, CapabilityRefinement.NONE);
    }

    /** What the model accepts: the declared capabilities with the refinement applied. */
    public ModelCapabilities capabilities() {
        return declared.refinedBy(refinement);
    }

    public ModelOffer refinedBy(CapabilityRefinement newRefinement) {
        return new ModelOffer(model, declared, newRefinement);
    }
}
