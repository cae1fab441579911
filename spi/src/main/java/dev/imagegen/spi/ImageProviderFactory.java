package dev.imagegen.spi;

import java.util.List;

/**
 * Creates one vendor's {@link ImageProvider}. Found by {@link java.util.ServiceLoader}: an adapter lists its
 * factory in {@code META-INF/services/dev.imagegen.spi.ImageProviderFactory}.
 *
 * <p>Implementations are stateless and thread-safe and have a public no-argument constructor.
 */
public interface ImageProviderFactory {

    /** The id of the providers this factory makes. */
    ProviderId id();

    /** Every configuration key this provider reads, each with its default and doc. */
    List<ConfigKey> configKeys();

    /**
     * Whether the configuration enables this provider. A provider is enabled exactly when its API key is set.
     */
    boolean enabled(ProviderConfig config);

    /**
     * Creates a provider from the configuration.
     *
     * @throws ConfigException naming the first key that is missing or malformed
     */
    ImageProvider create(ProviderConfig config);
}
