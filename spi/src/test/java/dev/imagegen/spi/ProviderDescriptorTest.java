package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderDescriptorTest {

    private static final ModelCapabilities SQUARE = ModelCapabilities.builder().aspectRatios("1:1").build();
    private static final ModelCapabilities WIDE = ModelCapabilities.builder().aspectRatios("16:9").build();

    @Test
    void finds_the_offer_of_a_model_it_serves() {
        ProviderDescriptor d = ProviderDescriptor.of("xenodia",
                List.of(ModelOffer.declared("nano-banana-pro", WIDE), ModelOffer.declared("house-model", SQUARE)));

        assertTrue(d.serves(ModelId.of("nano-banana-pro")));
        assertFalse(d.serves(ModelId.of("gpt-image-2")));
        assertEquals(SQUARE, d.offer(ModelId.of("house-model")).orElseThrow().capabilities());
        assertEquals(WIDE, d.offer(ModelId.of("nano-banana-pro")).orElseThrow().capabilities());
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
                "xenodia", List.of(ModelOffer.declared("gpt-image-2", WIDE), ModelOffer.declared("gpt-image-2", SQUARE))));
        assertTrue(e.getMessage().contains("gpt-image-2"), e.getMessage());
    }

    @Test
    void carries_a_callback_base_when_given() {
        ProviderDescriptor d = new ProviderDescriptor(ProviderId.of("apixo"), List.of(ModelOffer.declared("m", SQUARE)),
                URI.create("https://hooks.example"));

        assertEquals(Optional.of(URI.create("https://hooks.example")), d.callbackBaseIfAny());
    }

    @Test
    void an_offer_without_refinement_refines_nothing() {
        ModelOffer offer = new ModelOffer(ModelId.of("m"), SQUARE, null);
        CapabilityRefinement discovered = new CapabilityRefinement(null, null, 3, Map.of("1K", 90_000L));

        assertEquals(CapabilityRefinement.NONE, offer.refinement());
        assertEquals(SQUARE, offer.capabilities());
        assertEquals(discovered, offer.refinedBy(discovered).refinement());
        assertEquals(ModelId.of("m"), offer.refinedBy(discovered).model());
    }

    @Test
    void an_offer_applies_its_refinement_to_what_the_adapter_declares() {
        ModelOffer offer = ModelOffer.declared("m", SQUARE)
                .refinedBy(new CapabilityRefinement(Set.of(AspectRatio.of(16, 9)), null, null, Map.of()));

        assertEquals(SQUARE, offer.declared());
        assertEquals(Set.of(AspectRatio.of(16, 9)), offer.capabilities().aspectRatios());
        assertSame(offer.capabilities(), offer.capabilities(), "worked out once, not on every request");
    }

    @Test
    void capabilities_given_to_an_offer_must_be_the_declared_ones_refined() {
        CapabilityRefinement wide = new CapabilityRefinement(Set.of(AspectRatio.of(16, 9)), null, null, Map.of());
        ModelCapabilities refined = SQUARE.refinedBy(wide);

        assertEquals(refined, new ModelOffer(ModelId.of("m"), SQUARE, wide, refined).capabilities());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelOffer(ModelId.of("m"), SQUARE, wide, SQUARE));
        assertTrue(e.getMessage().contains("refinement applied"), e.getMessage());
    }

    @Test
    void an_offer_must_declare_its_capabilities() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new ModelOffer(ModelId.of("m"), null, null));
        assertTrue(e.getMessage().contains("declared"), e.getMessage());
    }
}
