package dev.imagegen.spi;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request a provider is asked to submit: already validated against the model's capabilities and normalised, so
 * an adapter only maps it onto its vendor's shape. Values the caller left open are null and the adapter leaves
 * them to the vendor's default (or fills the default the project decided for that vendor).
 *
 * <p>Immutable and thread-safe.
 *
 * @param correlationId  the library's id for this task (for logs and, where a vendor supports one, an
 *                       idempotency key), never null
 * @param model          the model, never null
 * @param prompt         the prompt, never blank
 * @param negativePrompt what to avoid, or null
 * @param aspectRatio    the ratio, or null for the vendor's default
 * @param resolution     the resolution, or null for the vendor's default
 * @param outputFormat   the format, or null for the vendor's default
 * @param n              how many images, at least 1
 * @param seed           the seed, or null
 * @param references     reference images, in order, never null
 * @param options        vendor-native fields for this provider only, passed through unchanged (values are
 *                       strings, numbers, booleans, lists or maps), never null
 * @param callbackUrl    where the vendor should report the finished task (it carries an unguessable per-task
 *                       token), or null to rely on polling alone
 */
public record ProviderRequest(String correlationId, ModelId model, String prompt, String negativePrompt,
                              AspectRatio aspectRatio, Resolution resolution, OutputFormat outputFormat, int n,
                              Long seed, List<Reference> references, Map<String, Object> options, URI callbackUrl) {

    public ProviderRequest {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        if (prompt.isBlank()) {
            throw new IllegalArgumentException("prompt must not be blank");
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        references = List.copyOf(references);
        options = Map.copyOf(options);
    }

    public Optional<String> option(String name) {
        Object value = options.get(name);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    public boolean hasInlineReferences() {
        return references.stream().anyMatch(r -> r.transport() == ReferenceTransport.INLINE);
    }

    /** A builder with the given model and prompt; everything else open, {@code n} = 1. Not thread-safe. */
    public static Builder builder(String model, String prompt) {
        return new Builder(ModelId.of(model), prompt);
    }

    public Builder toBuilder() {
        Builder b = new Builder(model, prompt);
        b.correlationId = correlationId;
        b.negativePrompt = negativePrompt;
        b.aspectRatio = aspectRatio;
        b.resolution = resolution;
        b.outputFormat = outputFormat;
        b.n = n;
        b.seed = seed;
        b.references = references;
        b.options = options;
        b.callbackUrl = callbackUrl;
        return b;
    }

    /** Builds provider requests, mostly for tests and tools; the core builds them from a validated request. */
    public static final class Builder {
        private String correlationId = "request-1";
        private final ModelId model;
        private final String prompt;
        private String negativePrompt;
        private AspectRatio aspectRatio;
        private Resolution resolution;
        private OutputFormat outputFormat;
        private int n = 1;
        private Long seed;
        private List<Reference> references = List.of();
        private Map<String, Object> options = Map.of();
        private URI callbackUrl;

        private Builder(ModelId model, String prompt) {
            this.model = model;
            this.prompt = prompt;
        }

        public Builder correlationId(String value) {
            correlationId = value;
            return this;
        }

        public Builder negativePrompt(String value) {
            negativePrompt = value;
            return this;
        }

        public Builder aspectRatio(String value) {
            aspectRatio = value == null ? null : AspectRatio.parse(value);
            return this;
        }

        public Builder resolution(Resolution value) {
            resolution = value;
            return this;
        }

        public Builder outputFormat(OutputFormat value) {
            outputFormat = value;
            return this;
        }

        public Builder n(int value) {
            n = value;
            return this;
        }

        public Builder seed(Long value) {
            seed = value;
            return this;
        }

        public Builder references(List<Reference> value) {
            references = value;
            return this;
        }

        public Builder options(Map<String, Object> value) {
            options = value;
            return this;
        }

        public Builder callbackUrl(URI value) {
            callbackUrl = value;
            return this;
        }

        public ProviderRequest build() {
            return new ProviderRequest(correlationId, model, prompt, negativePrompt, aspectRatio, resolution,
                    outputFormat, n, seed, references, options, callbackUrl);
        }
    }
}
