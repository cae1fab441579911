package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceTest {

    private static final byte[] PNG_BYTES = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/ref.png", "http://example.com/a/b.jpg?x=1", "HTTPS://EXAMPLE.COM/r"})
    void accepts_absolute_http_and_https_urls(String url) {
        Reference.Url ref = Reference.url(url);

        assertEquals(URI.create(url), ref.uri());
        assertEquals(ReferenceTransport.URL, ref.transport());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/ref.png", "file:///etc/passwd", "data:image/png;base64,AAAA",
            "/relative/ref.png", "ref.png", "https:///no-host", "mailto:someone@example.com", ""})
    void rejects_urls_that_are_not_absolute_http_naming_the_url(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reference.url(url));
        assertTrue(e.getMessage().contains("'" + url + "'"), e.getMessage());
    }

    @Test
    void rejects_text_that_is_not_a_uri() {
        assertThrows(IllegalArgumentException.class, () -> Reference.url("https://exa mple.com/x"));
    }

    @Test
    void inline_copies_the_bytes_on_the_way_in() {
        byte[] bytes = PNG_BYTES.clone();
        Reference.Inline ref = Reference.inline(bytes, "image/png");

        bytes[0] = 0;

        assertArrayEquals(PNG_BYTES, ref.bytes());
    }

    @Test
    void inline_copies_the_bytes_on_the_way_out() {
        Reference.Inline ref = Reference.inline(PNG_BYTES, "image/png");

        ref.bytes()[0] = 0;

        assertArrayEquals(PNG_BYTES, ref.bytes());
        assertEquals(PNG_BYTES.length, ref.size());
        assertEquals(ReferenceTransport.INLINE, ref.transport());
    }

    @Test
    void inline_makes_a_base64_data_uri() {
        Reference.Inline ref = Reference.inline("hi".getBytes(StandardCharsets.US_ASCII), "image/png");

        assertEquals("aGk=", ref.base64());
        assertEquals("data:image/png;base64,aGk=", ref.dataUri());
    }

    @Test
    void inline_names_files_after_their_type() {
        assertEquals("reference-1.jpg", Reference.inline(PNG_BYTES, "image/jpeg").fileName(0));
        assertEquals("reference-3.webp", Reference.inline(PNG_BYTES, "image/webp").fileName(2));
    }

    @Test
    void inline_equality_is_by_content_and_type() {
        Reference.Inline a = Reference.inline(PNG_BYTES, "image/png");
        Reference.Inline b = Reference.inline(PNG_BYTES.clone(), "image/png");

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Reference.inline(PNG_BYTES, "image/webp"));
        assertNotEquals(a, Reference.inline(new byte[] {1}, "image/png"));
    }

    @Test
    void inline_to_string_shows_type_and_size_not_content() {
        assertEquals("Inline[image/png, 7 bytes]", Reference.inline(PNG_BYTES, "image/png").toString());
    }

    @Test
    void url_equality_is_by_uri() {
        assertEquals(Reference.url("https://example.com/a.png"), Reference.url("https://example.com/a.png"));
        assertNotEquals(Reference.url("https://example.com/a.png"), Reference.url("https://example.com/b.png"));
    }

    @Test
    void rejects_empty_bytes() {
        assertThrows(IllegalArgumentException.class, () -> Reference.inline(new byte[0], "image/png"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "png", "image/", "/png", "Image/PNG", "image/png; charset=x"})
    void rejects_malformed_mime_types_naming_them(String mimeType) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reference.inline(PNG_BYTES, mimeType));
        assertTrue(e.getMessage().contains("'" + mimeType + "'"), e.getMessage());
    }

    @Test
    void rejects_missing_parts() {
        assertThrows(NullPointerException.class, () -> Reference.inline(null, "image/png"));
        assertThrows(NullPointerException.class, () -> Reference.inline(PNG_BYTES, null));
        assertThrows(NullPointerException.class, () -> new Reference.Url(null));
    }
}
