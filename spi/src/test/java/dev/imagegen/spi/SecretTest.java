package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void to_string_never_shows_the_value() {
        Secret secret = Secret.of("sk-live-123456");

        assertEquals("[secret]", secret.toString());
        assertFalse(String.valueOf(secret).contains("sk-live"));
        assertFalse(("key=" + secret).contains("123456"));
    }

    @Test
    void reveals_the_value_on_request() {
        assertEquals("sk-live-123456", Secret.of("sk-live-123456").reveal());
    }

    @Test
    void redacts_every_occurrence_of_the_value_and_leaves_null_alone() {
        Secret secret = Secret.of("sk-live-123456");
        assertEquals("Bearer [secret] rejected; [secret]", secret.redact("Bearer sk-live-123456 rejected; sk-live-123456"));
        assertEquals("nothing to hide", secret.redact("nothing to hide"));
        assertEquals(null, secret.redact(null));
    }

    @Test
    void equality_is_by_value() {
        assertEquals(Secret.of("a"), Secret.of("a"));
        assertEquals(Secret.of("a").hashCode(), Secret.of("a").hashCode());
        assertNotEquals(Secret.of("a"), Secret.of("b"));
    }

    @Test
    void rejects_blank_and_null() {
        assertThrows(IllegalArgumentException.class, () -> Secret.of("  "));
        assertThrows(NullPointerException.class, () -> Secret.of(null));
    }
}
