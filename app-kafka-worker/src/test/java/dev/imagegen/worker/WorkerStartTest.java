package dev.imagegen.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.imagegen.spi.ConfigException;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ImageStore;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.spi.StoredImage;
import dev.imagegen.worker.config.WorkerConfig;
import dev.imagegen.worker.testing.TestProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerStartTest {

    /** A store that only counts its closes. */
    private static final class CountingStore implements ImageStore {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public CompletionStage<StoredImage> store(String taskId, int index, GeneratedImage image) {
            return new CompletableFuture<>();
        }

        @Override
        public String describe() {
            return "counting store";
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void the_image_store_is_closed_when_a_providers_config_fails_after_it_was_opened() {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "ALPHA_API_KEY", "alpha-key",
                "ALPHA_CALLBACK_URL", "not a url");
        CountingStore store = new CountingStore();
        ProviderRegistry registry = ProviderRegistry.of(List.of(new TestProviderFactory.Alpha()));

        assertThrows(ConfigException.class, () -> Worker.start(WorkerConfig.read(env), ProviderConfig.of(env),
                registry, config -> Optional.of(store)));

        assertEquals(1, store.closes.get());
    }
}
