package dev.imagegen.core.routing;

import dev.imagegen.core.Violation;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import java.util.List;
import java.util.Objects;

/** Where a request goes: to a provider whose model accepts it, or nowhere, with the reason. Immutable. */
public sealed interface RouteDecision permits RouteDecision.To, RouteDecision.Refused {

    /**
     * Send it to this provider.
     *
     * @param provider     the provider
     * @param capabilities what its model accepts (the request passed them)
     */
    record To(ProviderId provider, ModelCapabilities capabilities) implements RouteDecision {
        public To {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(capabilities, "capabilities");
        }
    }

    /**
     * No provider can take it.
     *
     * @param code       {@code UNSUPPORTED_MODEL} or {@code UNSUPPORTED_PARAMETER}
     * @param message    why, naming the model, the providers or every violated rule
     * @param violations the violated rules, when that is the reason
     */
    record Refused(ErrorCode code, String message, List<Violation> violations) implements RouteDecision {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            violations = List.copyOf(violations);
        }

        public ProviderFailure failure() {
            return new ProviderFailure(code, null, message);
        }
    }
}
