package dev.imagegen.core.capability;

import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The capabilities of models by provider: the rules that are checked before any vendor call.
 *
 * <p>A provider's offer decides: capabilities it {@linkplain ModelOffer#declared() declares} win; otherwise the
 * catalogue's entry for that provider and model is used; either way the offer's live-discovery
 * {@linkplain ModelOffer#refinement() refinement} is applied on top. A model with neither is refused
 * (default-deny). Immutable and thread-safe.
 */
public final class Catalogue {

    private static final Catalogue BUILT_IN = BuiltInCatalogue.catalogue();

    private final Map<Key, ModelCapabilities> entries;

    private Catalogue(Map<Key, ModelCapabilities> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** Every model of the project's vendor reference. */
    public static Catalogue builtIn() {
        return BUILT_IN;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The catalogue's own entry, without a provider's refinement. */
    public Optional<ModelCapabilities> entry(ProviderId provider, ModelId model) {
        return Optional.ofNullable(entries.get(new Key(provider, model)));
    }

    /**
     * What the provider's model accepts, or empty when the provider does not serve the model or nobody describes
     * it.
     */
    public Optional<ModelCapabilities> capabilities(ProviderDescriptor provider, ModelId model) {
        return provider.offer(model).flatMap(offer -> offer.declaredCapabilities()
                .or(() -> entry(provider.id(), model))
                .map(c -> c.refinedBy(offer.refinement())));
    }

    private record Key(ProviderId provider, ModelId model) {
    }

    /** Builds a catalogue; not thread-safe. */
    public static final class Builder {
        private final Map<Key, ModelCapabilities> entries = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(String provider, String model, ModelCapabilities capabilities) {
            Key key = new Key(ProviderId.of(provider), ModelId.of(model));
            if (entries.putIfAbsent(key, Objects.requireNonNull(capabilities)) != null) {
                throw new IllegalArgumentException(provider + "/" + model + " is in the catalogue twice");
            }
            return this;
        }

        /** Everything of another catalogue (entries here win). */
        public Builder addAll(Catalogue other) {
            other.entries.forEach(entries::putIfAbsent);
            return this;
        }

        public Catalogue build() {
            return new Catalogue(entries);
        }
    }
}
