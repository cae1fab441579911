package dev.imagegen.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@link ImageProviderFactory factories} on the class path, by id. Discovery fails loudly: two factories with
 * one id, or a lookup of an id nobody provides, name what exists.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProviderRegistry {

    private final Map<ProviderId, ImageProviderFactory> factories;

    private ProviderRegistry(Map<ProviderId, ImageProviderFactory> factories) {
        this.factories = Collections.unmodifiableMap(new TreeMap<>(factories));
    }

    /** The factories {@link ServiceLoader} finds through the given class loader. */
    public static ProviderRegistry load(ClassLoader loader) {
        List<ImageProviderFactory> found = new ArrayList<>();
        ServiceLoader.load(ImageProviderFactory.class, loader).forEach(found::add);
        return of(found);
    }

    /** The factories on the class path of this class. */
    public static ProviderRegistry load() {
        return load(ProviderRegistry.class.getClassLoader());
    }

    /**
     * A registry of the given factories.
     *
     * @throws IllegalStateException when two share an id, naming both classes
     */
    public static ProviderRegistry of(Collection<? extends ImageProviderFactory> factories) {
        Map<ProviderId, ImageProviderFactory> byId = new TreeMap<>();
        for (ImageProviderFactory factory : factories) {
            ImageProviderFactory previous = byId.putIfAbsent(factory.id(), factory);
            if (previous != null) {
                throw new IllegalStateException("two provider factories claim id '" + factory.id() + "': "
                        + previous.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        return new ProviderRegistry(byId);
    }

    public List<ProviderId> ids() {
        return List.copyOf(factories.keySet());
    }

    /**
     * The factory of an id.
     *
     * @throws IllegalArgumentException naming the id and the ids that exist
     */
    public ImageProviderFactory factory(ProviderId id) {
        ImageProviderFactory factory = factories.get(id);
        if (factory == null) {
            throw new IllegalArgumentException("no provider '" + id + "'; known providers: " + describeIds());
        }
        return factory;
    }

    public Collection<ImageProviderFactory> factories() {
        return factories.values();
    }

    /** Every key of every factory, in id order. */
    public List<ConfigKey> configKeys() {
        return factories.values().stream().flatMap(f -> f.configKeys().stream()).collect(Collectors.toList());
    }

    /**
     * Creates every provider the configuration enables, in id order. The caller owns (and closes) them.
     *
     * @throws ConfigException when an enabled provider's configuration is incomplete
     */
    public List<ImageProvider> createEnabled(ProviderConfig config) {
        List<ImageProvider> created = new ArrayList<>();
        try {
            for (ImageProviderFactory factory : factories.values()) {
                if (factory.enabled(config)) {
                    created.add(factory.create(config));
                }
            }
            return created;
        } catch (RuntimeException e) {
            created.forEach(ImageProvider::close);
            throw e;
        }
    }

    private String describeIds() {
        return factories.isEmpty() ? "(none on the class path)"
                : factories.keySet().stream().map(ProviderId::value).collect(Collectors.joining(", "));
    }
}
