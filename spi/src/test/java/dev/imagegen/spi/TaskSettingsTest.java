package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskSettingsTest {

    private static final ProviderId VENDOR = ProviderId.of("my-vendor");
    private static final TaskSettings DEFAULTS = new TaskSettings(Duration.ofSeconds(20), Duration.ofSeconds(3),
            Duration.ofSeconds(30), Duration.ofMinutes(10), 100, 50);

    @Test
    void names_six_keys_after_the_provider_with_these_settings_as_defaults() {
        List<ConfigKey> keys = DEFAULTS.configKeys(VENDOR);

        assertEquals(List.of("MY_VENDOR_POLL_INITIAL_DELAY", "MY_VENDOR_POLL_INTERVAL", "MY_VENDOR_POLL_MAX_INTERVAL",
                "MY_VENDOR_TASK_TIMEOUT", "MY_VENDOR_MAX_IN_FLIGHT", "MY_VENDOR_MAX_REQUESTS_PER_SECOND"),
                keys.stream().map(ConfigKey::name).toList());
        assertEquals(List.of("20s", "3s", "30s", "10m", "100", "50"),
                keys.stream().map(ConfigKey::defaultValue).toList());
        keys.forEach(k -> assertTrue(!k.doc().isBlank() && !k.secret(), k.name()));
    }

    @Test
    void reads_the_defaults_back_when_nothing_is_set() {
        assertEquals(DEFAULTS, DEFAULTS.read(ProviderConfig.of(Map.of()), VENDOR));
    }

    @Test
    void reads_overrides_key_by_key() {
        ProviderConfig config = ProviderConfig.of(Map.of(
                "MY_VENDOR_POLL_INITIAL_DELAY", "5s",
                "MY_VENDOR_POLL_INTERVAL", "500ms",
                "MY_VENDOR_POLL_MAX_INTERVAL", "1m",
                "MY_VENDOR_TASK_TIMEOUT", "1h",
                "MY_VENDOR_MAX_IN_FLIGHT", "7",
                "MY_VENDOR_MAX_REQUESTS_PER_SECOND", "2"));

        assertEquals(new TaskSettings(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofMinutes(1),
                Duration.ofHours(1), 7, 2, Duration.ofSeconds(30)), DEFAULTS.read(config, VENDOR));
    }

    @Test
    void the_callback_safety_net_is_the_providers_and_no_key_changes_it() {
        TaskSettings withNet = DEFAULTS.withCallbackSafetyNetInterval(Duration.ofSeconds(45));
        assertEquals(Duration.ofSeconds(30), DEFAULTS.callbackSafetyNetInterval(), "defaults to pollMaxInterval");
        assertEquals(Duration.ofSeconds(45), withNet.read(ProviderConfig.of(Map.of(
                "MY_VENDOR_POLL_MAX_INTERVAL", "1m")), VENDOR).callbackSafetyNetInterval());
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withCallbackSafetyNetInterval(Duration.ZERO));
    }

    @Test
    void an_override_of_one_key_leaves_the_others_at_their_defaults() {
        TaskSettings read = DEFAULTS.read(ProviderConfig.of(Map.of("MY_VENDOR_MAX_IN_FLIGHT", "3")), VENDOR);

        assertEquals(3, read.maxInFlight());
        assertEquals(DEFAULTS.pollInterval(), read.pollInterval());
        assertEquals(DEFAULTS.taskTimeout(), read.taskTimeout());
    }

    @Test
    void a_malformed_duration_names_its_key() {
        ConfigException e = assertThrows(ConfigException.class, () -> DEFAULTS.read(
                ProviderConfig.of(Map.of("MY_VENDOR_POLL_INTERVAL", "soon")), VENDOR));

        assertEquals("MY_VENDOR_POLL_INTERVAL", e.key());
        assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
    }

    @Test
    void a_cap_below_one_names_its_key() {
        ConfigException e = assertThrows(ConfigException.class, () -> DEFAULTS.read(
                ProviderConfig.of(Map.of("MY_VENDOR_MAX_REQUESTS_PER_SECOND", "0")), VENDOR));

        assertEquals("MY_VENDOR_MAX_REQUESTS_PER_SECOND", e.key());
    }

    @Test
    void a_max_interval_below_the_interval_names_the_max_interval_key() {
        ConfigException e = assertThrows(ConfigException.class, () -> DEFAULTS.read(ProviderConfig.of(Map.of(
                "MY_VENDOR_POLL_INTERVAL", "10s", "MY_VENDOR_POLL_MAX_INTERVAL", "5s")), VENDOR));

        assertEquals("MY_VENDOR_POLL_MAX_INTERVAL", e.key());
        assertTrue(e.getMessage().contains("MY_VENDOR_POLL_INTERVAL"), e.getMessage());
    }

    @Test
    void refuses_inconsistent_settings_in_code() {
        assertThrows(IllegalArgumentException.class, () -> new TaskSettings(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TaskSettings(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TaskSettings(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(-1), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TaskSettings(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TaskSettings(null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1));
    }
}
