package dev.imagegen.core.capability;

import static dev.imagegen.core.Violation.unsupported;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.Violation;
import dev.imagegen.spi.ForbiddenCombination;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.ReferenceLimits;
import dev.imagegen.spi.ReferenceTransport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Every capability rule, each a small named function of the request and the model's capabilities. Default-deny:
 * a value the model does not declare is refused. Stateless and thread-safe.
 */
public final class CapabilityRules {

    private CapabilityRules() {
    }

    /** All rules, in the order their violations are reported. */
    public static final List<CapabilityRule> ALL = List.of(
            rule("aspect-ratio", CapabilityRules::aspectRatio),
            rule("resolution", CapabilityRules::resolution),
            rule("ratio-with-resolution", CapabilityRules::combination),
            rule("output-format", CapabilityRules::outputFormat),
            rule("image-count", CapabilityRules::imageCount),
            rule("prompt-length", CapabilityRules::promptLength),
            rule("negative-prompt", CapabilityRules::negativePrompt),
            rule("seed", CapabilityRules::seed),
            rule("reference-count", CapabilityRules::referenceCount),
            rule("reference-each", CapabilityRules::eachReference));

    static List<Violation> aspectRatio(GenerationRequest r, ModelCapabilities c) {
        if (r.aspectRatio() == null || c.aspectRatios().contains(r.aspectRatio())) {
            return List.of();
        }
        return List.of(unsupported("aspectRatio", r.aspectRatio(), listOrNone(c.aspectRatios())));
    }

    static List<Violation> resolution(GenerationRequest r, ModelCapabilities c) {
        if (r.resolution() == null || c.resolutions().contains(r.resolution())) {
            return List.of();
        }
        return List.of(unsupported("resolution", r.resolution(), listOrNone(c.resolutions())));
    }

    static List<Violation> combination(GenerationRequest r, ModelCapabilities c) {
        if (r.aspectRatio() == null || r.resolution() == null || c.allowsTogether(r.aspectRatio(), r.resolution())) {
            return List.of();
        }
        String allowed = c.resolutions().stream()
                .filter(res -> !c.forbiddenCombinations().contains(new ForbiddenCombination(r.aspectRatio(), res)))
                .map(Object::toString).collect(Collectors.joining(", "));
        return List.of(unsupported("resolution", r.resolution(),
                "with aspectRatio " + r.aspectRatio() + ": " + (allowed.isEmpty() ? "none" : allowed)));
    }

    static List<Violation> outputFormat(GenerationRequest r, ModelCapabilities c) {
        if (r.outputFormat() == null || c.outputFormats().contains(r.outputFormat())) {
            return List.of();
        }
        return List.of(unsupported("outputFormat", r.outputFormat(),
                c.outputFormats().isEmpty() ? "none (this model does not take an output format)"
                        : listOrNone(c.outputFormats())));
    }

    static List<Violation> imageCount(GenerationRequest r, ModelCapabilities c) {
        if (r.n() <= c.maxImages()) {
            return List.of();
        }
        return List.of(unsupported("n", r.n(), c.maxImages() == 1 ? "1" : "1 to " + c.maxImages()));
    }

    static List<Violation> promptLength(GenerationRequest r, ModelCapabilities c) {
        if (r.prompt().length() <= c.maxPromptLength()) {
            return List.of();
        }
        return List.of(unsupported("prompt", r.prompt().length() + " characters",
                "at most " + c.maxPromptLength() + " characters"));
    }

    static List<Violation> negativePrompt(GenerationRequest r, ModelCapabilities c) {
        if (r.negativePrompt() == null) {
            return List.of();
        }
        if (!c.negativePrompt()) {
            return List.of(unsupported("negativePrompt", "(set)", "none (this model does not take a negative prompt)"));
        }
        if (r.negativePrompt().length() > c.maxNegativePromptLength()) {
            return List.of(unsupported("negativePrompt", r.negativePrompt().length() + " characters",
                    "at most " + c.maxNegativePromptLength() + " characters"));
        }
        return List.of();
    }

    static List<Violation> seed(GenerationRequest r, ModelCapabilities c) {
        if (r.seed() == null || c.seed()) {
            return List.of();
        }
        return List.of(unsupported("seed", r.seed(), "none (this model does not take a seed)"));
    }

    static List<Violation> referenceCount(GenerationRequest r, ModelCapabilities c) {
        ReferenceLimits limits = c.references();
        int count = r.references().size();
        if (count >= limits.minCount() && count <= limits.maxCount()) {
            return List.of();
        }
        String allowed = limits.maxCount() == 0 ? "none (this model takes no reference images)"
                : limits.minCount() + " to " + limits.maxCount() + " references";
        return List.of(unsupported("references", count + " references", allowed));
    }

    static List<Violation> eachReference(GenerationRequest r, ModelCapabilities c) {
        ReferenceLimits limits = c.references();
        if (!limits.accepted()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < r.references().size(); i++) {
            Reference ref = r.references().get(i);
            String field = "references[" + i + "]";
            if (!limits.transports().contains(ref.transport())) {
                violations.add(unsupported(field, ref.transport() == ReferenceTransport.INLINE
                        ? "inline bytes" : "a URL", "references sent as " + listOrNone(limits.transports())));
                continue;
            }
            if (ref instanceof Reference.Inline inline) {
                if (!limits.mimeTypes().contains(inline.mimeType())) {
                    violations.add(unsupported(field + ".mimeType", inline.mimeType(), listOrNone(limits.mimeTypes())));
                }
                if (inline.size() > limits.maxBytes()) {
                    violations.add(unsupported(field, inline.size() + " bytes", "at most " + limits.maxBytes() + " bytes"));
                }
            }
        }
        return violations;
    }

    /** The values in their declared order (capability sets iterate in a stable, readable order). */
    private static String listOrNone(Collection<?> values) {
        return values.isEmpty() ? "none" : values.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    private static CapabilityRule rule(String name, BiFunction<GenerationRequest, ModelCapabilities,
            List<Violation>> check) {
        return new CapabilityRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Violation> check(GenerationRequest request, ModelCapabilities capabilities) {
                return check.apply(request, capabilities);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
