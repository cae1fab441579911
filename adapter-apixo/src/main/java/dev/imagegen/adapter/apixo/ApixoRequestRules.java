package dev.imagegen.adapter.apixo;

import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.ReferenceTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the adapter refuses before any call, even though the core's catalogue refuses it first: things Apixo's
 * request has no field for (inline bytes, more images, seed, negative prompt), more references than the model
 * takes, and provider options Apixo does not know. Each rule names the field, the value and what is allowed.
 */
final class ApixoRequestRules {

    static final ModelId NANO_BANANA_PRO = ModelId.of("nano-banana-pro");
    static final int MAX_REFERENCES = 10;
    static final String PROVIDER_OPTION = "provider";
    static final Set<String> PROVIDER_STRATEGIES = Set.of("auto", "value", "official");

    private static final List<Function<ProviderRequest, String>> RULES = List.of(
            ApixoRequestRules::inlineReferences,
            ApixoRequestRules::referenceCount,
            ApixoRequestRules::imageCount,
            ApixoRequestRules::seed,
            ApixoRequestRules::negativePrompt,
            ApixoRequestRules::unknownOptions,
            ApixoRequestRules::providerStrategy);

    private ApixoRequestRules() {
    }

    /** Whether the adapter serves the model at all. */
    static boolean serves(ModelId model) {
        return NANO_BANANA_PRO.equals(model);
    }

    /** Every violation, each one sentence; empty when the request can be sent. */
    static List<String> violations(ProviderRequest request) {
        List<String> found = new ArrayList<>();
        for (Function<ProviderRequest, String> rule : RULES) {
            String violation = rule.apply(request);
            if (violation != null) {
                found.add(violation);
            }
        }
        return found;
    }

    private static String inlineReferences(ProviderRequest request) {
        List<Reference> refs = request.references();
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).transport() == ReferenceTransport.INLINE) {
                return "references[" + i + "]: inline bytes (" + refs.get(i)
                        + ") are not accepted by apixo; allowed: http(s) URL references only";
            }
        }
        return null;
    }

    private static String referenceCount(ProviderRequest request) {
        int count = request.references().size();
        return count <= MAX_REFERENCES ? null : "references: " + count + " given; apixo " + request.model()
                + " allows at most " + MAX_REFERENCES;
    }

    private static String imageCount(ProviderRequest request) {
        return request.n() == 1 ? null : "n: " + request.n() + " given; apixo " + request.model() + " allows only 1";
    }

    private static String seed(ProviderRequest request) {
        return request.seed() == null ? null : "seed: " + request.seed() + " given; apixo " + request.model()
                + " takes no seed";
    }

    private static String negativePrompt(ProviderRequest request) {
        return request.negativePrompt() == null ? null : "negativePrompt: given; apixo " + request.model()
                + " takes no negative prompt";
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
