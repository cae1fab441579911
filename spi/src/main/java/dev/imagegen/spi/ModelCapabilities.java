package dev.imagegen.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one model of one provider accepts, as data. Default-deny: a parameter the model does not declare, it does
 * not support (an empty set of aspect ratios means the request may not name one).
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}.
 *
 * @param aspectRatios            the ratios a request may name; empty: none may be named
 * @param resolutions             the resolutions a request may name; empty: none may be named
 * @param forbiddenCombinations   ratio and resolution pairs that are refused together
 * @param outputFormats           the formats a request may name; empty: none may be named
 * @param maxImages               the largest {@code n} (images per request), at least 1
 * @param maxPromptLength         the longest prompt, in characters (UTF-16 code units)
 * @param maxNegativePromptLength the longest negative prompt; 0 when negative prompts are not supported
 * @param seed                    whether a seed may be given
 * @param references              which reference images are accepted
 */
public record ModelCapabilities(Set<AspectRatio> aspectRatios, Set<Resolution> resolutions,
                                List<ForbiddenCombination> forbiddenCombinations, Set<OutputFormat> outputFormats,
                                int maxImages, int maxPromptLength, int maxNegativePromptLength, boolean seed,
                                ReferenceLimits references) {

    public ModelCapabilities {
        aspectRatios = Collections.unmodifiableSet(new LinkedHashSet<>(aspectRatios));
        resolutions = enumCopy(resolutions, Resolution.class);
        forbiddenCombinations = List.copyOf(forbiddenCombinations);
        outputFormats = enumCopy(outputFormats, OutputFormat.class);
        Objects.requireNonNull(references, "references");
        if (maxImages < 1) {
            throw new IllegalArgumentException("maxImages must be at least 1, got " + maxImages);
        }
        if (maxPromptLength < 1 || maxNegativePromptLength < 0) {
            throw new IllegalArgumentException("prompt limits must be positive");
        }
    }

    /** An unmodifiable copy that iterates in declaration order, so messages list allowed values in order. */
    private static <E extends Enum<E>> Set<E> enumCopy(Set<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }

    public boolean negativePrompt() {
        return maxNegativePromptLength > 0;
    }

    /** Whether this ratio and resolution may be asked for together (each may still be refused on its own). */
    public boolean allowsTogether(AspectRatio ratio, Resolution resolution) {
        return !forbiddenCombinations.contains(new ForbiddenCombination(ratio, resolution));
    }

    /**
     * These capabilities with what a vendor's own discovery says in place of the declared values. Combination rules,
     * formats and limits the refinement does not speak of stay as they are. A reference cap does not open references
     * on a model that declares no transport, types or size for them (default-deny).
     */
    public ModelCapabilities refinedBy(CapabilityRefinement refinement) {
        if (refinement.aspectRatios() == null && refinement.resolutions() == null
                && refinement.maxReferences() == null) {
            return this;
        }
        return new ModelCapabilities(
                refinement.aspectRatiosIfKnown().orElse(aspectRatios),
                refinement.resolutionsIfKnown().orElse(resolutions),
                forbiddenCombinations,
                outputFormats,
                maxImages,
                maxPromptLength,
                maxNegativePromptLength,
                seed,
                refinement.maxReferencesIfKnown().isPresent() && references.accepted()
                        ? references.withMaxCount(refinement.maxReferencesIfKnown().getAsInt())
                        : references);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A mutable builder; not thread-safe. Defaults: nothing optional accepted, n = 1, prompt up to 4,000. */
    public static final class Builder {
        private final Set<AspectRatio> aspectRatios = new LinkedHashSet<>();
        private final Set<Resolution> resolutions = EnumSet.noneOf(Resolution.class);
        private final List<ForbiddenCombination> forbidden = new ArrayList<>();
        private final Set<OutputFormat> outputFormats = EnumSet.noneOf(OutputFormat.class);
        private int maxImages = 1;
        private int maxPromptLength = 4000;
        private int maxNegativePromptLength;
        private boolean seed;
        private ReferenceLimits references = ReferenceLimits.NONE;

        private Builder() {
        }

        /** Ratios written {@code W:H} or {@code auto}. */
        public Builder aspectRatios(String... ratios) {
            Arrays.stream(ratios).map(AspectRatio::parse).forEach(aspectRatios::add);
            return this;
        }

        public Builder resolutions(Resolution... values) {
            resolutions.addAll(Arrays.asList(values));
            return this;
        }

        public Builder forbid(String ratio, Resolution resolution) {
            forbidden.add(new ForbiddenCombination(AspectRatio.parse(ratio), resolution));
            return this;
        }

        public Builder outputFormats(OutputFormat... values) {
            outputFormats.addAll(Arrays.asList(values));
            return this;
        }

        public Builder maxImages(int value) {
            maxImages = value;
            return this;
        }

        public Builder maxPromptLength(int value) {
            maxPromptLength = value;
            return this;
        }

        public Builder negativePrompt(int maxLength) {
            maxNegativePromptLength = maxLength;
            return this;
        }

        public Builder seed(boolean value) {
            seed = value;
            return this;
        }

        public Builder references(ReferenceLimits value) {
            references = value;
            return this;
        }

        public ModelCapabilities build() {
            return new ModelCapabilities(aspectRatios, resolutions, forbidden, outputFormats, maxImages,
                    maxPromptLength, maxNegativePromptLength, seed, references);
        }
    }
}
