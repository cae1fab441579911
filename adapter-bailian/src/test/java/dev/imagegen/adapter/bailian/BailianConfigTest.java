package dev.imagegen.adapter.bailian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.ConfigException;
import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.TaskSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BailianConfigTest {

    private final BailianProviderFactory factory = new BailianProviderFactory();

    @Test
    void lists_every_key_once_with_the_vendor_defaults() {
        List<String> names = factory.configKeys().stream().map(ConfigKey::name).toList();
        assertEquals(List.of("BAILIAN_API_KEY", "BAILIAN_BASE_URL", "BAILIAN_API_STYLE", "BAILIAN_CONNECT_TIMEOUT",
                "BAILIAN_READ_TIMEOUT", "BAILIAN_POLL_INITIAL_DELAY", "BAILIAN_POLL_INTERVAL",
                "BAILIAN_POLL_MAX_INTERVAL", "BAILIAN_TASK_TIMEOUT", "BAILIAN_MAX_IN_FLIGHT",
                "BAILIAN_MAX_REQUESTS_PER_SECOND"), names);
        assertEquals("gateway", BailianConfig.API_STYLE.defaultValue());
        assertNull(BailianConfig.BASE_URL.defaultValue());
        assertEquals(new TaskSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofMinutes(10), 2, 2), BailianConfig.TASK_DEFAULTS);
    }

    @Test
    void is_enabled_exactly_when_the_key_is_set() {
        assertFalse(factory.enabled(ProviderConfig.of(Map.of("BAILIAN_BASE_URL", "https://gw.example.com"))));
        assertTrue(factory.enabled(ProviderConfig.of(Map.of("BAILIAN_API_KEY", "sk-1"))));
    }

    @Test
    void the_base_url_is_required_when_the_key_is_set() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> factory.create(ProviderConfig.of(Map.of("BAILIAN_API_KEY", "sk-1"))));
        assertEquals("BAILIAN_BASE_URL", e.key());
    }

    @Test
    void an_unknown_style_is_refused_naming_the_key() {
        ConfigException e = assertThrows(ConfigException.class, () -> factory.create(ProviderConfig.of(Map.of(
                "BAILIAN_API_KEY", "sk-1", "BAILIAN_BASE_URL", "https://gw.example.com",
                "BAILIAN_API_STYLE", "openai"))));
        assertEquals("BAILIAN_API_STYLE", e.key());
        assertTrue(e.getMessage().contains("gateway, dashscope"), e.getMessage());
    }

    @Test
    void a_malformed_key_value_never_shows_the_secret() {
        ConfigException e = assertThrows(ConfigException.class, () -> factory.create(ProviderConfig.of(Map.of(
                "BAILIAN_API_KEY", "sk-very-secret", "BAILIAN_BASE_URL", "not a url"))));
        assertEquals("BAILIAN_BASE_URL", e.key());
        assertFalse(e.getMessage().contains("sk-very-secret"));
    }

    @Test
    void the_base_url_keeps_a_path_prefix_and_drops_a_trailing_api_v1() {
        BailianSettings prefixed = BailianConfig.read(ProviderConfig.of(Map.of("BAILIAN_API_KEY", "sk-1",
                "BAILIAN_BASE_URL", "https://gw.example.com/ai/")));
        assertEquals("https://gw.example.com", prefixed.root().toString());
        assertEquals("/ai", prefixed.basePath());
        BailianSettings dashscope = BailianConfig.read(ProviderConfig.of(Map.of("BAILIAN_API_KEY", "sk-1",
                "BAILIAN_BASE_URL", "https://dashscope-intl.aliyuncs.com/api/v1", "BAILIAN_API_STYLE", "dashscope")));
        assertEquals("", dashscope.basePath());
        assertEquals(ApiStyle.DASHSCOPE, dashscope.style());
    }

    @Test
    void task_settings_follow_the_environment() {
        BailianSettings settings = BailianConfig.read(ProviderConfig.of(Map.of("BAILIAN_API_KEY", "sk-1",
                "BAILIAN_BASE_URL", "https://gw.example.com", "BAILIAN_MAX_IN_FLIGHT", "8",
                "BAILIAN_POLL_INTERVAL", "3s")));
        assertEquals(8, settings.taskSettings().maxInFlight());
        assertEquals(Duration.ofSeconds(3), settings.taskSettings().pollInterval());
        assertEquals(Duration.ofMinutes(5), settings.readTimeout());
    }
}
