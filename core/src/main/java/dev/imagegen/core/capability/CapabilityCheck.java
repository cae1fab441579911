package dev.imagegen.core.capability;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.Violation;
import dev.imagegen.spi.ModelCapabilities;
import java.util.ArrayList;
import java.util.List;

/** Runs every {@link CapabilityRules capability rule} and returns every violation at once. Stateless. */
public final class CapabilityCheck {

    private CapabilityCheck() {
    }

    /** Every violation of the model's capabilities by the request, in rule order; empty when it is accepted. */
    public static List<Violation> check(GenerationRequest request, ModelCapabilities capabilities) {
        List<Violation> violations = new ArrayList<>();
        for (CapabilityRule rule : CapabilityRules.ALL) {
            violations.addAll(rule.check(request, capabilities));
        }
        return violations;
    }
}
