package dev.imagegen.core;

import dev.imagegen.spi.AspectRatio;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Resolution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * "Make this image": one vendor-neutral generation request, valid by construction against the request contract
 * (whether the chosen model allows its values is checked later, by the capability rules).
 *
 * <p>Build it with {@link #builder()}, which reports every broken rule at once in an
 * {@link InvalidRequestException}. Immutable and thread-safe.
 *
 * @param id              the task id and idempotency key, never null (the builder makes a random one when none is
 *                        given)
 * @param provider        the provider to use, or null to let routing choose (with fallback)
 * @param model           the model, never null
 * @param prompt          the prompt, never blank
 * @param negativePrompt  what to avoid, or null
 * @param aspectRatio     the ratio, or null for the model's default
 * @param resolution      the resolution, or null for the model's default
 * @param outputFormat    the format, or null for the model's default
 * @param n               images to generate, at least 1 (default 1)
 * @param seed            the seed, or null
 * @param references      reference images, never null
 * @param providerOptions vendor-native fields per provider, passed to that provider only, never null
 * @param deadline        the instant by which the task must be terminal (else it fails with TIMEOUT), or null
 * @param metadata        caller data echoed on every event, at most 32 entries, never null
 * @param trace           the caller's W3C trace context (carried onto every event and parenting the engine's
 *                        spans), or null
 */
public record GenerationRequest(TaskId id, ProviderId provider, ModelId model, String prompt, String negativePrompt,
                                AspectRatio aspectRatio, Resolution resolution, OutputFormat outputFormat, int n,
                                Long seed, List<Reference> references,
                                Map<ProviderId, Map<String, Object>> providerOptions, Instant deadline,
                                Map<String, String> metadata, TraceContext trace) {

    /** The most metadata entries a request may carry. */
    public static final int MAX_METADATA_ENTRIES = 32;

    public GenerationRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        references = List.copyOf(references);
        providerOptions = Map.copyOf(providerOptions);
        metadata = Map.copyOf(metadata);
        List<Violation> violations = structuralViolations(prompt, n, metadata);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private static List<Violation> structuralViolations(String prompt, int n, Map<String, String> metadata) {
        List<Violation> violations = new ArrayList<>();
        if (prompt.isBlank()) {
            violations.add(Violation.invalid("prompt", prompt, "non-blank text"));
        }
        if (n < 1) {
            violations.add(Violation.invalid("n", n, "1 or more"));
        }
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            violations.add(Violation.invalid("metadata", metadata.size() + " entries",
                    "at most " + MAX_METADATA_ENTRIES + " entries"));
        }
        return violations;
    }

    public Optional<ProviderId> providerIfNamed() {
        return Optional.ofNullable(provider);
    }

    public Optional<Instant> deadlineIfAny() {
        return Optional.ofNullable(deadline);
    }

    /** The vendor-native options for one provider (empty when none). */
    public Map<String, Object> optionsFor(ProviderId providerId) {
        return providerOptions.getOrDefault(providerId, Map.of());
    }

    /** A request for one image of {@code model} from {@code prompt}, with the model's defaults and a new id. */
    public static GenerationRequest of(String model, String prompt) {
        return builder().model(model).prompt(prompt).build();
    }

    /**
     * This request without its inline reference images (URL references stay): what the engine keeps once a vendor
     * has accepted the task, since the bytes are sent and never needed again.
     */
    public GenerationRequest withoutInlineReferences() {
        if (references.stream().noneMatch(r -> r instanceof Reference.Inline)) {
            return this;
        }
        List<Reference> urls = references.stream().filter(r -> !(r instanceof Reference.Inline)).toList();
        return new GenerationRequest(id, provider, model, prompt, negativePrompt, aspectRatio, resolution,
                outputFormat, n, seed, urls, providerOptions, deadline, metadata, trace);
    }

    public Optional<TraceContext> traceIfAny() {
        return Optional.ofNullable(trace);
    }

    /** This request with that trace context (null for none). */
    public GenerationRequest withTrace(TraceContext value) {
        return new GenerationRequest(id, provider, model, prompt, negativePrompt, aspectRatio, resolution,
                outputFormat, n, seed, references, providerOptions, deadline, metadata, value);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects values (typed, or as text from the outside world) and builds a request, reporting every broken rule
     * at once. Not thread-safe.
     */
    public static final class Builder {
        private final List<Violation> violations = new ArrayList<>();
        private TaskId id;
        private ProviderId provider;
        private ModelId model;
        private String prompt;
        private String negativePrompt;
        private AspectRatio aspectRatio;
        private Resolution resolution;
        private OutputFormat outputFormat;
        private int n = 1;
        private Long seed;
        private final List<Reference> references = new ArrayList<>();
        private int referencesSeen;
        private final Map<ProviderId, Map<String, Object>> providerOptions = new LinkedHashMap<>();
        private Instant deadline;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private TraceContext trace;

        private Builder() {
        }

        public Builder id(String value) {
            if (TaskId.isValid(value)) {
                id = TaskId.of(value);
            } else {
                violations.add(Violation.invalid("id", shown(value), "1-128 characters of [A-Za-z0-9._:-]"));
            }
            return this;
        }

        public Builder id(TaskId value) {
            id = value;
            return this;
        }

        public Builder provider(String value) {
            return parse("provider", value, ProviderId::of, v -> provider = v,
                    "a provider id such as xenodia, apixo or bailian");
        }

        public Builder model(String value) {
            return parse("model", value, ModelId::of, v -> model = v, "a model id such as nano-banana-pro");
        }

        public Builder prompt(String value) {
            prompt = value;
            return this;
        }

        public Builder negativePrompt(String value) {
            negativePrompt = value;
            return this;
        }

        public Builder aspectRatio(String value) {
            return parse("aspectRatio", value, AspectRatio::parse, v -> aspectRatio = v, "'auto' or W:H such as 16:9");
        }

        public Builder resolution(String value) {
            return parse("resolution", value, Resolution::parse, v -> resolution = v, "1K, 2K or 4K");
        }

        public Builder resolution(Resolution value) {
            resolution = value;
            return this;
        }

        public Builder outputFormat(String value) {
            return parse("outputFormat", value, OutputFormat::parse, v -> outputFormat = v, "png or jpeg");
        }

        public Builder outputFormat(OutputFormat value) {
            outputFormat = value;
            return this;
        }

        public Builder n(int value) {
            n = value;
            return this;
        }

        /** A seed from 0 to 2147483647, the range every vendor that takes one accepts. */
        public Builder seed(Long value) {
            if (value != null && (value < 0 || value > Integer.MAX_VALUE)) {
                violations.add(Violation.invalid("seed", value, "0 to " + Integer.MAX_VALUE));
            } else {
                seed = value;
            }
            return this;
        }

        public Builder reference(Reference value) {
            references.add(Objects.requireNonNull(value, "reference"));
            referencesSeen++;
            return this;
        }

        public Builder referenceUrl(String url) {
            String field = "references[" + referencesSeen++ + "].url";
            if (url == null) {
                violations.add(Violation.invalid(field, "(absent)", "an absolute http(s) URL"));
                return this;
            }
            return parse(field, url, Reference::url, references::add, "an absolute http(s) URL");
        }

        public Builder referenceBytes(byte[] bytes, String mimeType) {
            String field = "references[" + referencesSeen++ + "]";
            boolean noBytes = bytes == null || bytes.length == 0;
            if (noBytes) {
                violations.add(Violation.invalid(field + ".bytes", bytes == null ? "(absent)" : "0 bytes",
                        "non-empty image bytes"));
            }
            try {
                // with no bytes, one stand-in byte still lets the MIME type be checked; that reference is dropped
                Reference.Inline reference = Reference.inline(noBytes ? new byte[1] : bytes, mimeType);
                if (!noBytes) {
                    references.add(reference);
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                violations.add(Violation.invalid(field + ".mimeType", shown(mimeType), "a MIME type such as image/png"));
            }
            return this;
        }

        /** Records a reference that could not be read (bad base64, missing fields) under its index. */
        public Builder invalidReference(String problem, String allowed) {
            violations.add(Violation.invalid("references[" + referencesSeen++ + "]", problem, allowed));
            return this;
        }

        public Builder providerOptions(String providerId, Map<String, Object> options) {
            return parse("providerOptions", providerId, ProviderId::of,
                    p -> providerOptions.put(p, Map.copyOf(options)), "keys that are provider ids");
        }

        public Builder deadline(Instant value) {
            deadline = value;
            return this;
        }

        /** The caller's W3C trace context (see {@link TraceContext#fromHeaders}), or null for none. */
        public Builder trace(TraceContext value) {
            trace = value;
            return this;
        }

        public Builder metadata(Map<String, String> values) {
            values.forEach((key, value) -> {
                if (key == null || value == null) {
                    violations.add(Violation.invalid("metadata", key == null ? "(null key)" : key + "=null",
                            "string keys with string values"));
                } else {
                    metadata.put(key, value);
                }
            });
            return this;
        }

        /**
         * Builds the request.
         *
         * @throws InvalidRequestException listing every broken rule
         */
        public GenerationRequest build() {
            List<Violation> all = new ArrayList<>(violations);
            if (model == null && violations.stream().noneMatch(v -> v.field().equals("model"))) {
                all.add(Violation.invalid("model", "(absent)", "a model id such as nano-banana-pro"));
            }
            if (prompt == null) {
                all.add(Violation.invalid("prompt", "(absent)", "non-blank text"));
            }
            all.addAll(structuralViolations(prompt == null ? "x" : prompt, n, metadata));
            if (!all.isEmpty()) {
                throw new InvalidRequestException(all);
            }
            return new GenerationRequest(id == null ? TaskId.random() : id, provider, model, prompt, negativePrompt,
                    aspectRatio, resolution, outputFormat, n, seed, references, providerOptions, deadline, metadata,
                    trace);
        }

        private <T> Builder parse(String field, String text, java.util.function.Function<String, T> parser,
                                  java.util.function.Consumer<T> sink, String allowed) {
            if (text == null) {
                return this;
            }
            try {
                sink.accept(parser.apply(text));
            } catch (IllegalArgumentException e) {
                violations.add(Violation.invalid(field, shown(text), allowed));
            }
            return this;
        }

        private static String shown(String value) {
            if (value == null) {
                return "(absent)";
            }
            return value.length() > 80 ? value.substring(0, 77) + "..." : value;
        }
    }
}
