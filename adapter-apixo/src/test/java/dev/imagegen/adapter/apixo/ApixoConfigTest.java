package dev.imagegen.adapter.apixo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.ConfigException;
import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.TaskSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApixoConfigTest {

    @Test
    void task_defaults_reproduce_wait_20s_then_every_3s_with_seed_limits() {
        TaskSettings defaults = ApixoConfig.read(ProviderConfig.of(Map.of("APIXO_API_KEY", "k"))).taskSettings();

        assertEquals(new TaskSettings(Duration.ofSeconds(20), Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofMinutes(5), 1000, 166, Duration.ofSeconds(30)), defaults, "callbacks backed up every 30 s");
    }

    @Test
    void every_key_is_listed_once_with_contract_names() {
        List<String> names = new ApixoProviderFactory().configKeys().stream().map(ConfigKey::name).toList();

        assertEquals(List.of("APIXO_API_KEY", "APIXO_BASE_URL", "APIXO_CALLBACK_URL", "APIXO_CONNECT_TIMEOUT",
                "APIXO_READ_TIMEOUT", "APIXO_POLL_INITIAL_DELAY", "APIXO_POLL_INTERVAL", "APIXO_POLL_MAX_INTERVAL",
                "APIXO_TASK_TIMEOUT", "APIXO_MAX_IN_FLIGHT", "APIXO_MAX_REQUESTS_PER_SECOND"), names);
        assertEquals("https://api.apixo.ai", ApixoConfig.BASE_URL.defaultValue());
        assertTrue(ApixoConfig.API_KEY.secret());
    }

    @Test
    void the_environment_overrides_defaults() {
        ApixoConfig config = ApixoConfig.read(ProviderConfig.of(Map.of("APIXO_API_KEY", "k",
                "APIXO_BASE_URL", "http://127.0.0.1:9/", "APIXO_CALLBACK_URL", "https://worker.example.com/cb/apixo",
                "APIXO_POLL_INTERVAL", "2s", "APIXO_POLL_MAX_INTERVAL", "30s", "APIXO_READ_TIMEOUT", "10s")));

        assertEquals(URI.create("http://127.0.0.1:9"), config.baseUrl());
        assertEquals(URI.create("https://worker.example.com/cb/apixo"), config.callbackUrl().orElseThrow());
        assertEquals(Duration.ofSeconds(2), config.taskSettings().pollInterval());
        assertEquals(Duration.ofSeconds(30), config.taskSettings().pollMaxInterval());
        assertEquals(Duration.ofSeconds(10), config.readTimeout());
    }

    @Test
    void malformed_values_name_their_key() {
        assertEquals("APIXO_CALLBACK_URL", assertThrows(ConfigException.class, () -> ApixoConfig.read(
                ProviderConfig.of(Map.of("APIXO_API_KEY", "k", "APIXO_CALLBACK_URL", "worker:8080")))).key());
        assertEquals("APIXO_READ_TIMEOUT", assertThrows(ConfigException.class, () -> ApixoConfig.read(
                ProviderConfig.of(Map.of("APIXO_API_KEY", "k", "APIXO_READ_TIMEOUT", "soon")))).key());
        assertEquals("APIXO_API_KEY", assertThrows(ConfigException.class, () -> ApixoConfig.read(
                ProviderConfig.of(Map.of()))).key());
    }

    @Test
    void enabled_exactly_when_the_key_is_set_and_to_string_hides_it() {
        ApixoProviderFactory factory = new ApixoProviderFactory();
        assertFalse(factory.enabled(ProviderConfig.of(Map.of("APIXO_API_KEY", " "))));
        assertTrue(factory.enabled(ProviderConfig.of(Map.of("APIXO_API_KEY", "sk-apixo-123"))));
        assertFalse(ApixoConfig.read(ProviderConfig.of(Map.of("APIXO_API_KEY", "sk-apixo-123"))).toString()
                .contains("sk-apixo-123"));
    }
}
