package dev.imagegen.core.routing;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.Violation;
import dev.imagegen.core.capability.CapabilityCheck;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the provider for a request: a pure function of the request, the configured providers in routing order
 * (each descriptor declares what its models accept) and the providers already tried.
 *
 * <ul>
 *   <li>A request that names a provider goes there or nowhere (no fallback).</li>
 *   <li>Otherwise: the first provider in order, not yet tried, that serves the model and whose capabilities
 *       accept the request. Fallback asks again with the failed provider excluded, so it never reaches a provider
 *       whose model cannot do the request.</li>
 * </ul>
 * Thread-safe (stateless).
 */
public final class Router {

    /**
     * @param providers the configured providers, in routing order
     * @param tried     providers already tried for this request (excluded)
     */
    public RouteDecision route(GenerationRequest request, List<ProviderDescriptor> providers, Set<ProviderId> tried) {
        if (request.provider() != null) {
            return routeToNamed(request, providers, tried);
        }
        List<ProviderDescriptor> serving = providers.stream().filter(p -> p.serves(request.model())).toList();
        if (serving.isEmpty()) {
            return new RouteDecision.Refused(ErrorCode.UNSUPPORTED_MODEL, "no configured provider serves model '"
                    + request.model() + "'; " + servedModels(providers), List.of());
        }
        List<Violation> firstViolations = null;
        for (ProviderDescriptor provider : serving) {
            if (tried.contains(provider.id())) {
                continue;
            }
            ModelCapabilities capabilities = provider.offer(request.model()).orElseThrow().capabilities();
            List<Violation> violations = CapabilityCheck.check(request, capabilities);
            if (violations.isEmpty()) {
                return new RouteDecision.To(provider.id(), capabilities);
            }
            if (firstViolations == null) {
                firstViolations = violations;
            }
        }
        if (firstViolations != null) {
            return unsupported(request, firstViolations);
        }
        return new RouteDecision.Refused(ErrorCode.UNSUPPORTED_MODEL, "no untried provider serves model '"
                + request.model() + "' (tried: " + names(tried) + ")", List.of());
    }

    private RouteDecision routeToNamed(GenerationRequest request, List<ProviderDescriptor> providers,
                                       Set<ProviderId> tried) {
        ProviderId named = request.provider();
        Optional<ProviderDescriptor> provider = providers.stream().filter(p -> p.id().equals(named)).findFirst();
        if (provider.isEmpty()) {
            return new RouteDecision.Refused(ErrorCode.UNSUPPORTED_MODEL, "provider '" + named
                    + "' is not configured; configured providers: " + names(providers.stream()
                    .map(ProviderDescriptor::id).collect(Collectors.toSet())), List.of());
        }
        if (tried.contains(named)) {
            return new RouteDecision.Refused(ErrorCode.UNSUPPORTED_MODEL, "provider '" + named
                    + "' was named and already tried; no fallback for a named provider", List.of());
        }
        Optional<ModelCapabilities> capabilities = provider.get().offer(request.model()).map(ModelOffer::capabilities);
        if (capabilities.isEmpty()) {
            return new RouteDecision.Refused(ErrorCode.UNSUPPORTED_MODEL, "provider '" + named
                    + "' does not serve model '" + request.model() + "'; it serves: "
                    + models(provider.get()), List.of());
        }
        List<Violation> violations = CapabilityCheck.check(request, capabilities.get());
        return violations.isEmpty() ? new RouteDecision.To(named, capabilities.get())
                : unsupported(request, violations);
    }

    private static RouteDecision unsupported(GenerationRequest request, List<Violation> violations) {
        String message = "model '" + request.model() + "' does not allow: " + violations.stream()
                .map(Violation::message).collect(Collectors.joining("; "));
        return new RouteDecision.Refused(ErrorCode.UNSUPPORTED_PARAMETER, message, violations);
    }

    private static String servedModels(List<ProviderDescriptor> providers) {
        if (providers.isEmpty()) {
            return "no provider is configured";
        }
        return "configured providers serve: " + providers.stream().map(p -> p.id() + " (" + models(p) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String models(ProviderDescriptor provider) {
        return provider.models().stream().map(ModelOffer::model).map(Object::toString)
                .collect(Collectors.joining(", "));
    }

    private static String names(Set<ProviderId> ids) {
        return ids.isEmpty() ? "none" : ids.stream().map(ProviderId::value).sorted().collect(Collectors.joining(", "));
    }
}
