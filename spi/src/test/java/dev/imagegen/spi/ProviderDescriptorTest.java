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

class ProviderDescriptorTest {

    private static final ModelCapabilities SQUARE = ModelCapabilities.builder().aspectRatios("1:1").build();

    @Test
    void finds_the_offer_of_a_model_it_serves() {
        ProviderDescriptor d = ProviderDescriptor.of("xenodia",
                List.of(ModelOffer.builtIn("nano-banana-pro"), ModelOffer.declared("house-model", SQUARE)));

        assertTrue(d.serves(ModelId.of("nano-banana-pro")));
        assertFalse(d.serves(ModelId.of("gpt-image-2")));
        assertEquals(Optional.of(SQUARE), d.offer(ModelId.of("house-model")).orElseThrow().declaredCapabilities());
        assertEquals(Optional.empty(), d.offer(ModelId.of("nano-banana-pro")).orElseThrow().declaredCapabilities());
        assertEquals(Optional.empty(), d.callbackBaseIfAny());
    }

    @Test
    void must_serve_at_least_one_model() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProviderDescriptor.of("xenodia", List.of()));
        assertTrue(e.getMessage().contains("xenodia"), e.getMessage());
    }

    @Test
    void refuses_a_model_listed_twice_naming_it() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProviderDescriptor.of(
                "xenodia", List.of(ModelOffer.builtIn("gpt-image-2"), ModelOffer.declared("gpt-image-2", SQUARE))));
        assertTrue(e.getMessage().contains("gpt-image-2"), e.getMessage());
    }

    @Test
    void carries_a_callback_base_when_given() {
        ProviderDescriptor d = new ProviderDescriptor(ProviderId.of("apixo"), List.of(ModelOffer.builtIn("m")),
                URI.create("https://hooks.example"));

        assertEquals(Optional.of(URI.create("https://hooks.example")), d.callbackBaseIfAny());
    }

    @Test
    void an_offer_without_refinement_refines_nothing() {
        ModelOffer offer = new ModelOffer(ModelId.of("m"), null, null);
        CapabilityRefinement discovered = new CapabilityRefinement(null, null, 3, Map.of("1K", 90_000L));

        assertEquals(CapabilityRefinement.NONE, offer.refinement());
        assertEquals(discovered, offer.refinedBy(discovered).refinement());
        assertEquals(ModelId.of("m"), offer.refinedBy(discovered).model());
    }
}
