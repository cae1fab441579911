package dev.imagegen.core.capability;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.Violation;
import dev.imagegen.spi.ModelCapabilities;
import java.util.List;

/**
 * One small, named rule of what a model accepts. Rules never throw for a bad request: they report it. Implementations
 * are stateless and thread-safe.
 */
public interface CapabilityRule {

    /** A short name for diagnostics, such as {@code aspect-ratio}. */
    String name();

    /** The violations of this rule by the request, empty when it holds. */
    List<Violation> check(GenerationRequest request, ModelCapabilities capabilities);
}
