package dev.imagegen.adapter.xenodia;

import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ImageProviderFactory;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderId;
import java.util.List;

/**
 * Makes the Xenodia provider ({@code xenodia}): {@code nano-banana-pro} and {@code gpt-image-2} through Xenodia's
 * shared image endpoint, followed as tasks, with capabilities refined by Xenodia's public model discovery.
 * Its keys are those of {@link XenodiaConfig}. Found by {@link java.util.ServiceLoader}.
 *
 * <p>Stateless and thread-safe. Each provider it creates owns one HTTP client until it is closed.
 */
public final class XenodiaProviderFactory implements ImageProviderFactory {

    @Override
    public ProviderId id() {
        return XenodiaConfig.PROVIDER_ID;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return XenodiaConfig.keys();
    }

    @Override
    public boolean enabled(ProviderConfig config) {
        return config.isSet(XenodiaConfig.API_KEY);
    }

    @Override
    public ImageProvider create(ProviderConfig config) {
        return new XenodiaProvider(XenodiaConfig.read(config));
    }
}
