package dev.imagegen.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed, checked access to configuration values by {@link ConfigKey}, over any string source (the process
 * environment, a map in tests). Malformed values fail with a {@link ConfigException} naming the key.
 *
 * <p>Immutable and thread-safe when its source is.
 */
public final class ProviderConfig {

    private final Function<String, String> source;
    private final Clock clock;

    private ProviderConfig(Function<String, String> source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static ProviderConfig fromEnvironment() {
        return new ProviderConfig(System::getenv, Clock.systemUTC());
    }

    public static ProviderConfig of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new ProviderConfig(copy::get, Clock.systemUTC());
    }

    public static ProviderConfig of(Function<String, String> source) {
        return new ProviderConfig(source, Clock.systemUTC());
    }

    /** The same values with another clock (for expiry times in tests). */
    public ProviderConfig withClock(Clock newClock) {
        return new ProviderConfig(source, newClock);
    }

    /** The clock providers use to stamp times such as image expiry. */
    public Clock clock() {
        return clock;
    }

    /** The value as set, else the default; empty when neither exists. Blank values count as unset. */
    public Optional<String> optional(ConfigKey key) {
        String value = source.apply(key.name());
        if (value == null || value.isBlank()) {
            return key.defaultIfAny();
        }
        return Optional.of(value.trim());
    }

    public boolean isSet(ConfigKey key) {
        String value = source.apply(key.name());
        return value != null && !value.isBlank();
    }

    /** The value or default. @throws ConfigException when neither exists */
    public String string(ConfigKey key) {
        return optional(key).orElseThrow(() -> new ConfigException(key.name(), "is required but not set"));
    }

    public Secret secret(ConfigKey key) {
        return Secret.of(string(key));
    }

    public Duration duration(ConfigKey key) {
        String text = string(key);
        try {
            Duration value = Durations.parse(text);
            if (value.isZero()) {
                throw new ConfigException(key.name(), "must be longer than 0ms");
            }
            return value;
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key.name(), shown(key, text)
                    + " is not a duration (write 250ms, 3s, 2m, 1h or 7d)");
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    public int integer(ConfigKey key, int min, int max) {
        String text = string(key);
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new ConfigException(key.name(), shown(key, text) + " must be a whole number from " + min + " to " + max);
    }

    /** An absolute http(s) URL, without a trailing slash. */
    public URI url(ConfigKey key) {
        String text = string(key);
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            String scheme = uri.getScheme();
            if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigException(key.name(), shown(key, text) + " must be an absolute http(s) URL");
    }

    /** One of the given words. */
    public String oneOf(ConfigKey key, String... allowed) {
        String text = string(key);
        for (String word : allowed) {
            if (word.equals(text)) {
                return word;
            }
        }
        throw new ConfigException(key.name(), shown(key, text) + " must be one of " + String.join(", ", allowed));
    }

    private static String shown(ConfigKey key, String text) {
        return key.secret() ? "the value" : "'" + text + "'";
    }
}
