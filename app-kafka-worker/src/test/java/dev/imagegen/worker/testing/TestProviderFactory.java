package dev.imagegen.worker.testing;

import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ImageProviderFactory;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Factories of the two test providers, {@code alpha} and {@code beta}, enabled by {@code <ID>_API_KEY}. */
public abstract class TestProviderFactory implements ImageProviderFactory {

    private final ProviderId id;
    private final ConfigKey apiKey;
    private final ConfigKey callbackUrl;

    TestProviderFactory(String id) {
        this.id = ProviderId.of(id);
        this.apiKey = ConfigKey.secret(id.toUpperCase(Locale.ROOT) + "_API_KEY", "API key of the test vendor " + id);
        this.callbackUrl = ConfigKey.of(id.toUpperCase(Locale.ROOT) + "_CALLBACK_URL", null,
                "public base URL of the worker for the test vendor's callbacks");
    }

    @Override
    public ProviderId id() {
        return id;
    }

    @Override
    public List<ConfigKey> configKeys() {
        List<ConfigKey> keys = new ArrayList<>();
        keys.add(apiKey);
        keys.add(callbackUrl);
        keys.addAll(TestProvider.FAST.configKeys(id));
        return keys;
    }

    @Override
    public boolean enabled(ProviderConfig config) {
        return config.isSet(apiKey);
    }

    @Override
    public ImageProvider create(ProviderConfig config) {
        return new TestProvider(id.value(), config.secret(apiKey), TestProvider.FAST.read(config, id),
                config.isSet(callbackUrl) ? config.url(callbackUrl) : null);
    }

    /** The {@code alpha} test provider. */
    public static final class Alpha extends TestProviderFactory {
        public Alpha() {
            super("alpha");
        }
    }

    /** The {@code beta} test provider. */
    public static final class Beta extends TestProviderFactory {
        public Beta() {
            super("beta");
        }
    }
}
