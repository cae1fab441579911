package dev.imagegen.spi;

import java.util.Objects;

/**
 * A credential. Its {@link #toString()} never shows the value, so it cannot leak into a log line, an exception
 * message or an event by accident; only {@link #reveal()} gives it, at the one place it goes on the wire.
 * Immutable and thread-safe.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value, for the {@code Authorization} header and nothing else. */
    public String reveal() {
        return value;
    }

    /**
     * The text with every occurrence of this secret replaced by {@code [secret]}, for any text that leaves the
     * process (a vendor may echo what it was sent). Null stays null.
     */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "[secret]");
    }

    @Override
    public String toString() {
        return "[secret]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
