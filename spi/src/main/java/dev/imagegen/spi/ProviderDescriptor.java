package dev.imagegen.spi;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who a provider is and which models it serves. Immutable and thread-safe.
 *
 * @param id        the provider id, never null
 * @param models    the models it serves, at least one, each once
 * @param callbackBase the public base URL under which the vendor can reach this process's callback route, or null
 *                     when tasks are followed by polling alone (see {@link ImageProvider#callbackTaskId(byte[])})
 */
public record ProviderDescriptor(ProviderId id, List<ModelOffer> models, URI callbackBase) {

    public ProviderDescriptor {
        Objects.requireNonNull(id, "id");
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("provider " + id + " must serve at least one model");
        }
        Set<ModelId> seen = new HashSet<>();
        for (ModelOffer offer : models) {
            if (!seen.add(offer.model())) {
                throw new IllegalArgumentException("provider " + id + " lists model " + offer.model() + " twice");
            }
        }
    }

    /** A provider without callbacks. */
    public static ProviderDescriptor of(String id, List<ModelOffer> models) {
        return new ProviderDescriptor(ProviderId.of(id), models, null);
    }

    public Optional<URI> callbackBaseIfAny() {
        return Optional.ofNullable(callbackBase);
    }

    public Optional<ModelOffer> offer(ModelId model) {
        return models.stream().filter(o -> o.model().equals(model)).findFirst();
    }

    public boolean serves(ModelId model) {
        return offer(model).isPresent();
    }
}
