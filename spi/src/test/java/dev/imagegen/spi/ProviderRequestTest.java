package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderRequestTest {

    @Test
    void the_builder_leaves_everything_open_but_model_prompt_and_one_image() {
        ProviderRequest r = ProviderRequest.builder("gpt-image-2", "a cube").build();

        assertEquals(ModelId.of("gpt-image-2"), r.model());
        assertEquals(1, r.n());
        assertEquals(List.of(), r.references());
        assertEquals(Map.of(), r.options());
        assertEquals(null, r.aspectRatio());
        assertFalse(r.hasInlineReferences());
    }

    @Test
    void knows_when_a_reference_travels_inline() {
        ProviderRequest r = ProviderRequest.builder("m", "p")
                .references(List.of(Reference.url("https://example.com/a.png"),
                        Reference.inline(new byte[] {1}, "image/png")))
                .build();

        assertTrue(r.hasInlineReferences());
    }

    @Test
    void reads_options_as_text() {
        ProviderRequest r = ProviderRequest.builder("m", "p").options(Map.of("provider", "value", "watermark", false))
                .build();

        assertEquals(Optional.of("value"), r.option("provider"));
        assertEquals(Optional.of("false"), r.option("watermark"));
        assertEquals(Optional.empty(), r.option("absent"));
    }

    @Test
    void to_builder_round_trips() {
        ProviderRequest r = ProviderRequest.builder("m", "p").correlationId("c-1").negativePrompt("n")
                .aspectRatio("16:9").resolution(Resolution.TWO_K).outputFormat(OutputFormat.JPEG).n(2).seed(3L)
                .references(List.of(Reference.url("https://example.com/a.png"))).options(Map.of("k", 1))
                .callbackUrl(URI.create("https://hooks.example/cb")).build();

        assertEquals(r, r.toBuilder().build());
    }

    @Test
    void refuses_a_blank_prompt_and_n_below_one() {
        assertThrows(IllegalArgumentException.class, () -> ProviderRequest.builder("m", " ").build());
        assertThrows(IllegalArgumentException.class, () -> ProviderRequest.builder("m", "p").n(0).build());
    }
}
