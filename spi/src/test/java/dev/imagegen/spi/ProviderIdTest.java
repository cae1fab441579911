package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"xenodia", "apixo", "bailian", "a", "my-vendor-2", "abcdefghijklmnopqrstuvwxyz012345"})
    void accepts_lower_case_ids_starting_with_a_letter(String id) {
        assertEquals(id, ProviderId.of(id).value());
        assertEquals(id, ProviderId.of(id).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Xenodia", "1vendor", "-vendor", "my_vendor", "my vendor", "vendor.x",
            "abcdefghijklmnopqrstuvwxyz0123456"})
    void rejects_other_shapes_naming_the_value(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProviderId.of(id));
        assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
    }

    @Test
    void rejects_null() {
        assertThrows(NullPointerException.class, () -> ProviderId.of(null));
    }

    @Test
    void orders_by_value() {
        TreeSet<ProviderId> ids = new TreeSet<>(List.of(ProviderId.of("xenodia"), ProviderId.of("apixo"),
                ProviderId.of("bailian")));
        assertEquals(List.of(ProviderId.of("apixo"), ProviderId.of("bailian"), ProviderId.of("xenodia")),
                List.copyOf(ids));
    }
}
