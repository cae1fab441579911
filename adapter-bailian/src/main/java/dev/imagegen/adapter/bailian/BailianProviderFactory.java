package dev.imagegen.adapter.bailian;

import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ImageProviderFactory;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderId;
import java.util.List;

/**
 * Makes the {@code bailian} provider: Alibaba Cloud Bailian (DashScope) and Volcano Engine (Seedream) models behind
 * seed 003's gateway, or DashScope's native API ({@link BailianConfig#API_STYLE}). Found by
 * {@link java.util.ServiceLoader}.
 *
 * <p>Stateless and thread-safe. Each provider it creates owns one HTTP client until it is closed.
 */
public final class BailianProviderFactory implements ImageProviderFactory {

    @Override
    public ProviderId id() {
        return BailianConfig.ID;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return BailianConfig.keys();
    }

    @Override
    public boolean enabled(ProviderConfig config) {
        return config.isSet(BailianConfig.API_KEY);
    }

    /** @throws dev.imagegen.spi.ConfigException naming the key that is missing or malformed */
    @Override
    public ImageProvider create(ProviderConfig config) {
        return new BailianProvider(BailianConfig.read(config));
    }
}
