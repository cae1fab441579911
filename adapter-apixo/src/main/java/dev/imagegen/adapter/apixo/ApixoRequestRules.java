package dev.imagegen.adapter.apixo;

import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.ReferenceTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * What the adapter refuses before any call, even though the core refuses it first against the same declared
 * capabilities ({@link ApixoModels}): things Apixo's request has no field for (inline bytes, more images, seed,
 * negative prompt), more references than the model takes, and provider options Apixo does not know. Each rule names
 * the field, the value and what is allowed.
 */
final class ApixoRequestRules {

    static final String PROVIDER_OPTION = "provider";
    static final Set<String> PROVIDER_STRATEGIES = Set.of("auto", "value", "official");

    private static final List<BiFunction<ProviderRequest, ModelCapabilities, String>> RULES = List.of(
            ApixoRequestRules::inlineReferences,
            ApixoRequestRules::referenceCount,
            ApixoRequestRules::imageCount,
            ApixoRequestRules::seed,
            ApixoRequestRules::negativePrompt,
            (request, model) -> unknownOptions(request),
            (request, model) -> providerStrategy(request));

    private ApixoRequestRules() {
    }

    /** Every violation of a request for a model this adapter serves, each one sentence; empty when it can be sent. */
    static List<String> violations(ProviderRequest request, ModelCapabilities model) {
        List<String> found = new ArrayList<>();
        for (BiFunction<ProviderRequest, ModelCapabilities, String> rule : RULES) {
            String violation = rule.apply(request, model);
            if (violation != null) {
                found.add(violation);
            }
        }
        return found;
    }

    private static String inlineReferences(ProviderRequest request, ModelCapabilities model) {
        if (model.references().transports().contains(ReferenceTransport.INLINE)) {
            return null;
        }
        List<Reference> refs = request.references();
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).transport() == ReferenceTransport.INLINE) {
                return "references[" + i + "]: inline bytes (" + refs.get(i)
                        + ") are not accepted by apixo; allowed: http(s) URL references only";
            }
        }
        return null;
    }

    private static String referenceCount(ProviderRequest request, ModelCapabilities model) {
        int count = request.references().size();
        int max = model.references().maxCount();
        return count <= max ? null : "references: " + count + " given; apixo " + request.model()
                + " allows at most " + max;
    }

    private static String imageCount(ProviderRequest request, ModelCapabilities model) {
        return request.n() <= model.maxImages() ? null : "n: " + request.n() + " given; apixo " + request.model()
                + " allows " + (model.maxImages() == 1 ? "only 1" : "at most " + model.maxImages());
    }

    private static String seed(ProviderRequest request, ModelCapabilities model) {
        return request.seed() == null || model.seed() ? null : "seed: " + request.seed() + " given; apixo "
                + request.model() + " takes no seed";
    }

    private static String negativePrompt(ProviderRequest request, ModelCapabilities model) {
        return request.negativePrompt() == null || model.negativePrompt() ? null
                : "negativePrompt: given; apixo " + request.model() + " takes no negative prompt";
    }
    private static String unknownOptions(ProviderRequest request) {
        Set<String> unknown = new TreeSet<>(request.options().keySet());
        unknown.remove(PROVIDER_OPTION);
        return unknown.isEmpty() ? null : "providerOptions.apixo: " + String.join(", ", unknown)
                + " not known; allowed: " + PROVIDER_OPTION;
    }

    private static String providerStrategy(ProviderRequest request) {
        return request.option(PROVIDER_OPTION)
                .filter(value -> !PROVIDER_STRATEGIES.contains(value))
                .map(value -> "providerOptions.apixo.provider: '" + value + "'; allowed: auto, value, official")
                .orElse(null);
    }
}
