package dev.imagegen.spi;

/**
 * A configuration value is missing or malformed. The message names the key and what is allowed, and never a
 * secret's value. Immutable once thrown.
 */
public class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The configuration key at fault. */
    public String key() {
        return key;
    }
}
