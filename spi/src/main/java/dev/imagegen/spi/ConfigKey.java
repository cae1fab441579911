package dev.imagegen.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key, defined once with its default and its doc; {@code --help} and the README table are made
 * from these definitions. Immutable and thread-safe.
 *
 * @param name         the environment variable, such as {@code XENODIA_BASE_URL}
 * @param defaultValue the default as it would be written, or null when there is none
 * @param doc          one line saying what it does
 * @param secret       whether the value is a credential (never printed, not even in errors)
 */
public record ConfigKey(String name, String defaultValue, String doc, boolean secret) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(doc, "doc");
        if (!name.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("config key '" + name + "' must be UPPER_SNAKE_CASE");
        }
    }

    public static ConfigKey of(String name, String defaultValue, String doc) {
        return new ConfigKey(name, defaultValue, doc, false);
    }

    public static ConfigKey secret(String name, String doc) {
        return new ConfigKey(name, null, doc, true);
    }

    public Optional<String> defaultIfAny() {
        return Optional.ofNullable(defaultValue);
    }
}
