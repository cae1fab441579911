package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputFormatTest {

    @Test
    void reads_the_neutral_spellings_case_insensitively() {
        assertEquals(OutputFormat.PNG, OutputFormat.parse("png"));
        assertEquals(OutputFormat.PNG, OutputFormat.parse("PNG"));
        assertEquals(OutputFormat.JPEG, OutputFormat.parse("jpeg"));
        assertEquals(OutputFormat.JPEG, OutputFormat.parse("JPEG"));
    }

    @Test
    void carries_label_and_mime_type() {
        assertEquals("png", OutputFormat.PNG.toString());
        assertEquals("image/png", OutputFormat.PNG.mimeType());
        assertEquals("jpeg", OutputFormat.JPEG.label());
        assertEquals("image/jpeg", OutputFormat.JPEG.mimeType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jpg", "webp", "gif", "image/png", " png"})
    void rejects_other_spellings_naming_value_and_allowed(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputFormat.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("png, jpeg"), e.getMessage());
    }
}
