package dev.imagegen.core.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.Violation;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ModelCapabilities;
import java.util.List;

/** Runs one named rule of {@link CapabilityRules#ALL}, as the check does. */
final class Rules {

    private Rules() {
    }

    static List<Violation> check(String ruleName, GenerationRequest request, ModelCapabilities capabilities) {
        CapabilityRule rule = CapabilityRules.ALL.stream().filter(r -> r.name().equals(ruleName)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule named " + ruleName));
        return rule.check(request, capabilities);
    }

    /** Asserts exactly one violation with this field, value and allowed text, as UNSUPPORTED_PARAMETER. */
    static void assertOnly(List<Violation> violations, String field, String value, String allowed) {
        assertEquals(List.of(new Violation(field, value, allowed, ErrorCode.UNSUPPORTED_PARAMETER)), violations);
    }
}
