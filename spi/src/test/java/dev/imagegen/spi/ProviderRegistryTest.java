package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    /** Providers made by the fakes below, closed or not. */
    private final List<FakeProvider> made = new ArrayList<>();

    @Test
    void two_factories_with_one_id_fail_naming_both_classes() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ProviderRegistry.of(List.of(new AlphaFactory(), new OtherAlphaFactory())));

        assertTrue(e.getMessage().contains("'alpha'"), e.getMessage());
        assertTrue(e.getMessage().contains(AlphaFactory.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(OtherAlphaFactory.class.getName()), e.getMessage());
    }

    @Test
    void lists_ids_in_order() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new BetaFactory(), new AlphaFactory()));

        assertEquals(List.of(ProviderId.of("alpha"), ProviderId.of("beta")), registry.ids());
    }

    @Test
    void finds_a_factory_by_id() {
        AlphaFactory alpha = new AlphaFactory();
        ProviderRegistry registry = ProviderRegistry.of(List.of(alpha, new BetaFactory()));

        assertSame(alpha, registry.factory(ProviderId.of("alpha")));
    }

    @Test
    void an_unknown_id_names_the_known_ones() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new AlphaFactory(), new BetaFactory()));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.factory(ProviderId.of("gamma")));

        assertTrue(e.getMessage().contains("'gamma'"), e.getMessage());
        assertTrue(e.getMessage().contains("alpha, beta"), e.getMessage());
    }

    @Test
    void an_unknown_id_in_an_empty_registry_says_there_are_none() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProviderRegistry.of(List.of()).factory(ProviderId.of("gamma")));

        assertTrue(e.getMessage().contains("none"), e.getMessage());
    }

    @Test
    void collects_every_factory_key_in_id_order() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new BetaFactory(), new AlphaFactory()));

        assertEquals(List.of("ALPHA_API_KEY", "BETA_API_KEY", "BETA_BASE_URL"),
                registry.configKeys().stream().map(ConfigKey::name).toList());
    }

    @Test
    void creates_only_the_providers_whose_key_is_set() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new AlphaFactory(), new BetaFactory()));

        List<ImageProvider> created = registry.createEnabled(ProviderConfig.of(Map.of("BETA_API_KEY", "k")));

        assertEquals(List.of(ProviderId.of("beta")), created.stream().map(p -> p.descriptor().id()).toList());
    }

    @Test
    void creates_none_without_keys() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new AlphaFactory(), new BetaFactory()));

        assertEquals(List.of(), registry.createEnabled(ProviderConfig.of(Map.of())));
    }

    @Test
    void a_failing_creation_closes_the_providers_already_made_and_names_the_key() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new AlphaFactory(), new BetaFactory()));

        ConfigException e = assertThrows(ConfigException.class, () -> registry.createEnabled(ProviderConfig.of(
                Map.of("ALPHA_API_KEY", "a", "BETA_API_KEY", "b", "BETA_BASE_URL", "not a url"))));

        assertEquals("BETA_BASE_URL", e.key());
        assertEquals(1, made.size());
        assertTrue(made.get(0).closed);
    }

    @Test
    void finds_nothing_through_service_loader_in_the_spi_alone() {
        assertEquals(List.of(), ProviderRegistry.load().ids());
    }

    // --- small fake factories, each enabled exactly when its API key is set

    private abstract class KeyedFactory implements ImageProviderFactory {
        private final String id;

        KeyedFactory(String id) {
            this.id = id;
        }

        ConfigKey apiKey() {
            return ConfigKey.secret(id.toUpperCase(java.util.Locale.ROOT) + "_API_KEY", "the key");
        }

        @Override
        public ProviderId id() {
            return ProviderId.of(id);
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(apiKey());
        }

        @Override
        public boolean enabled(ProviderConfig config) {
            return config.isSet(apiKey());
        }

        @Override
        public ImageProvider create(ProviderConfig config) {
            config.secret(apiKey());
            FakeProvider provider = new FakeProvider(id);
            made.add(provider);
            return provider;
        }
    }

    private final class AlphaFactory extends KeyedFactory {
        AlphaFactory() {
            super("alpha");
        }
    }

    private final class OtherAlphaFactory extends KeyedFactory {
        OtherAlphaFactory() {
            super("alpha");
        }
    }

    private final class BetaFactory extends KeyedFactory {
        private final ConfigKey baseUrl = ConfigKey.of("BETA_BASE_URL", "https://beta.example", "where beta is");

        BetaFactory() {
            super("beta");
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(apiKey(), baseUrl);
        }

        @Override
        public ImageProvider create(ProviderConfig config) {
            config.url(baseUrl);
            return super.create(config);
        }
    }

    private static final class FakeProvider implements ImageProvider {
        private final String id;
        boolean closed;

        FakeProvider(String id) {
            this.id = id;
        }

        @Override
        public ProviderDescriptor descriptor() {
            return ProviderDescriptor.of(id, List.of(ModelOffer.declared("some-model", ModelCapabilities.builder().build())));
        }

        @Override
        public TaskSettings taskSettings() {
            return new TaskSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofMinutes(1), 1, 1);
        }

        @Override
        public CompletionStage<Submission> submit(ProviderRequest request) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletionStage<TaskSnapshot> poll(ProviderTaskRef task) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
