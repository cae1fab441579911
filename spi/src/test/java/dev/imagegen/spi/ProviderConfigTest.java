package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderConfigTest {

    private static final ConfigKey BASE_URL = ConfigKey.of("VENDOR_BASE_URL", "https://api.vendor.example",
            "where the vendor lives");
    private static final ConfigKey TIMEOUT = ConfigKey.of("VENDOR_TIMEOUT", "30s", "how long to wait");
    private static final ConfigKey RETRIES = ConfigKey.of("VENDOR_RETRIES", null, "how often to retry");
    private static final ConfigKey STYLE = ConfigKey.of("VENDOR_STYLE", "gateway", "which API style");
    private static final ConfigKey API_KEY = ConfigKey.secret("VENDOR_API_KEY", "the vendor key");
    private static final String SECRET_VALUE = "sk-very-secret-value";

    private static ProviderConfig config(Map<String, String> values) {
        return ProviderConfig.of(values);
    }

    @Test
    void reads_set_values_trimmed() {
        ProviderConfig config = config(Map.of("VENDOR_STYLE", "  dashscope  "));

        assertEquals("dashscope", config.string(STYLE));
        assertTrue(config.isSet(STYLE));
    }

    @Test
    void falls_back_to_the_default_when_unset_or_blank() {
        assertEquals("gateway", config(Map.of()).string(STYLE));
        assertEquals("gateway", config(Map.of("VENDOR_STYLE", "   ")).string(STYLE));
        assertFalse(config(Map.of("VENDOR_STYLE", "   ")).isSet(STYLE));
        assertEquals(Optional.empty(), config(Map.of()).optional(RETRIES));
    }

    @Test
    void a_required_key_without_value_or_default_names_the_key() {
        ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of()).string(RETRIES));

        assertEquals("VENDOR_RETRIES", e.key());
        assertTrue(e.getMessage().startsWith("VENDOR_RETRIES: "), e.getMessage());
    }

    @Test
    void reads_durations() {
        assertEquals(Duration.ofSeconds(30), config(Map.of()).duration(TIMEOUT));
        assertEquals(Duration.ofMillis(250), config(Map.of("VENDOR_TIMEOUT", "250ms")).duration(TIMEOUT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "thirty seconds", "-1s", "1.5s"})
    void a_malformed_duration_names_key_and_value(String value) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(Map.of("VENDOR_TIMEOUT", value)).duration(TIMEOUT));

        assertEquals("VENDOR_TIMEOUT", e.key());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    @Test
    void a_zero_duration_is_refused_naming_the_key() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(Map.of("VENDOR_TIMEOUT", "0s")).duration(TIMEOUT));

        assertEquals("VENDOR_TIMEOUT", e.key());
    }

    @Test
    void reads_whole_numbers_within_range() {
        assertEquals(3, config(Map.of("VENDOR_RETRIES", "3")).integer(RETRIES, 0, 10));
        assertEquals(0, config(Map.of("VENDOR_RETRIES", "0")).integer(RETRIES, 0, 10));
        assertEquals(10, config(Map.of("VENDOR_RETRIES", "10")).integer(RETRIES, 0, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "-1", "three", "3.0", "99999999999"})
    void a_number_out_of_range_or_malformed_names_key_value_and_range(String value) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(Map.of("VENDOR_RETRIES", value)).integer(RETRIES, 0, 10));

        assertEquals("VENDOR_RETRIES", e.key());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("from 0 to 10"), e.getMessage());
    }

    @Test
    void reads_urls_without_a_trailing_slash() {
        assertEquals(URI.create("https://api.vendor.example"), config(Map.of()).url(BASE_URL));
        assertEquals(URI.create("http://127.0.0.1:8080/base"),
                config(Map.of("VENDOR_BASE_URL", "http://127.0.0.1:8080/base/")).url(BASE_URL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.vendor.example", "ftp://api.vendor.example", "https://", "http://exa mple.com",
            "/relative"})
    void a_url_that_is_not_absolute_http_names_key_and_value(String value) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(Map.of("VENDOR_BASE_URL", value)).url(BASE_URL));

        assertEquals("VENDOR_BASE_URL", e.key());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    @Test
    void reads_one_of_the_given_words() {
        assertEquals("gateway", config(Map.of()).oneOf(STYLE, "gateway", "dashscope"));
        assertEquals("dashscope", config(Map.of("VENDOR_STYLE", "dashscope")).oneOf(STYLE, "gateway", "dashscope"));
    }

    @Test
    void another_word_names_key_value_and_the_allowed_words() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config(Map.of("VENDOR_STYLE", "Gateway")).oneOf(STYLE, "gateway", "dashscope"));

        assertEquals("VENDOR_STYLE", e.key());
        assertTrue(e.getMessage().contains("'Gateway'"), e.getMessage());
        assertTrue(e.getMessage().contains("gateway, dashscope"), e.getMessage());
    }

    @Test
    void reads_a_secret_that_does_not_print() {
        Secret secret = config(Map.of("VENDOR_API_KEY", SECRET_VALUE)).secret(API_KEY);

        assertEquals(SECRET_VALUE, secret.reveal());
        assertEquals("[secret]", secret.toString());
    }

    @Test
    void a_missing_secret_names_the_key() {
        ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of()).secret(API_KEY));

        assertEquals("VENDOR_API_KEY", e.key());
    }

    @Test
    void a_secret_value_never_appears_in_an_error_message() {
        ProviderConfig config = config(Map.of("VENDOR_API_KEY", SECRET_VALUE));

        for (Runnable misuse : new Runnable[] {
                () -> config.duration(API_KEY),
                () -> config.integer(API_KEY, 0, 10),
                () -> config.url(API_KEY),
                () -> config.oneOf(API_KEY, "a", "b")}) {
            ConfigException e = assertThrows(ConfigException.class, misuse::run);
            assertEquals("VENDOR_API_KEY", e.key());
            assertFalse(e.getMessage().contains(SECRET_VALUE), e.getMessage());
            assertFalse(e.getMessage().contains("very-secret"), e.getMessage());
        }
    }

    @Test
    void reads_from_any_function() {
        ProviderConfig config = ProviderConfig.of(name -> name.equals("VENDOR_RETRIES") ? "4" : null);

        assertEquals(4, config.integer(RETRIES, 0, 10));
        assertEquals("gateway", config.string(STYLE));
    }

    @Test
    void carries_a_replaceable_clock() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        ProviderConfig config = config(Map.of("VENDOR_RETRIES", "2")).withClock(fixed);

        assertEquals(fixed, config.clock());
        assertEquals(2, config.integer(RETRIES, 0, 10));
    }

    @Test
    void config_keys_are_upper_snake_case() {
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.of("vendor_key", null, "doc"));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.of("VENDOR-KEY", null, "doc"));
        assertTrue(API_KEY.secret());
        assertEquals(Optional.empty(), API_KEY.defaultIfAny());
    }
}
