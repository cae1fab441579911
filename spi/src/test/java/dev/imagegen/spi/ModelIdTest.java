package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"nano-banana-pro", "gpt-image-2", "wan2.2-t2i-flash", "wanx2.1-t2i-turbo",
            "doubao-seedream-4-0-250828", "Qwen/Qwen-Image", "ep-2025:abc_1", "x"})
    void accepts_vendor_model_ids(String id) {
        assertEquals(id, ModelId.of(id).value());
        assertEquals(id, ModelId.of(id).toString());
    }

    @Test
    void accepts_up_to_128_characters() {
        assertEquals(128, ModelId.of("m".repeat(128)).value().length());
        assertThrows(IllegalArgumentException.class, () -> ModelId.of("m".repeat(129)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-model", ".model", "/model", "model name", "model?x", "模型"})
    void rejects_other_shapes_naming_the_value(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelId.of(id));
        assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
    }

    @Test
    void rejects_null() {
        assertThrows(NullPointerException.class, () -> ModelId.of(null));
    }
}
