package dev.imagegen.core.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.AspectRatio;
import dev.imagegen.spi.CapabilityRefinement;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.Resolution;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private static final ModelCapabilities SQUARE_ONLY = ModelCapabilities.builder().aspectRatios("1:1").build();
    private static final ModelCapabilities WIDE_ONLY = ModelCapabilities.builder().aspectRatios("16:9").build();
    private static final ModelId MODEL = ModelId.of("house-model");

    private static final Catalogue CUSTOM = Catalogue.builder().add("acme", "house-model", SQUARE_ONLY).build();

    @Test
    void uses_the_catalogue_entry_for_a_built_in_offer() {
        ProviderDescriptor acme = ProviderDescriptor.of("acme", List.of(ModelOffer.builtIn("house-model")));

        assertEquals(Optional.of(SQUARE_ONLY), CUSTOM.capabilities(acme, MODEL));
    }

    @Test
    void a_declared_offer_wins_over_the_catalogue() {
        ProviderDescriptor acme = ProviderDescriptor.of("acme", List.of(ModelOffer.declared("house-model", WIDE_ONLY)));

        assertEquals(Optional.of(WIDE_ONLY), CUSTOM.capabilities(acme, MODEL));
    }

    @Test
    void a_declared_offer_needs_no_catalogue_entry() {
        ProviderDescriptor other = ProviderDescriptor.of("other", List.of(ModelOffer.declared("house-model", WIDE_ONLY)));

        assertEquals(Optional.of(WIDE_ONLY), Catalogue.builder().build().capabilities(other, MODEL));
    }

    @Test
    void a_built_in_offer_the_catalogue_does_not_know_is_refused() {
        ProviderDescriptor other = ProviderDescriptor.of("other", List.of(ModelOffer.builtIn("house-model")));

        assertEquals(Optional.empty(), CUSTOM.capabilities(other, MODEL));
    }

    @Test
    void a_model_the_provider_does_not_offer_is_refused_even_if_catalogued() {
        ProviderDescriptor acme = ProviderDescriptor.of("acme", List.of(ModelOffer.builtIn("another-model")));

        assertEquals(Optional.empty(), CUSTOM.capabilities(acme, MODEL));
    }

    @Test
    void entries_are_per_provider() {
        assertTrue(CUSTOM.entry(ProviderId.of("acme"), MODEL).isPresent());
        assertTrue(CUSTOM.entry(ProviderId.of("other"), MODEL).isEmpty());
    }

    @Test
    void the_offers_refinement_is_applied_on_top_of_the_catalogue() {
        CapabilityRefinement discovered = new CapabilityRefinement(Set.of(AspectRatio.parse("4:3")),
                Set.of(Resolution.TWO_K), null, Map.of());
        ProviderDescriptor acme = ProviderDescriptor.of("acme",
                List.of(ModelOffer.builtIn("house-model").refinedBy(discovered)));

        ModelCapabilities capabilities = CUSTOM.capabilities(acme, MODEL).orElseThrow();

        assertEquals(Set.of(AspectRatio.parse("4:3")), capabilities.aspectRatios());
        assertEquals(Set.of(Resolution.TWO_K), capabilities.resolutions());
    }

    @Test
    void the_offers_refinement_is_applied_on_top_of_declared_capabilities() {
        CapabilityRefinement discovered = new CapabilityRefinement(Set.of(AspectRatio.parse("4:3")), null, null,
                Map.of());
        ProviderDescriptor acme = ProviderDescriptor.of("acme",
                List.of(ModelOffer.declared("house-model", WIDE_ONLY).refinedBy(discovered)));

        assertEquals(Set.of(AspectRatio.parse("4:3")), CUSTOM.capabilities(acme, MODEL).orElseThrow().aspectRatios());
    }

    @Test
    void refuses_one_model_twice() {
        Catalogue.Builder builder = Catalogue.builder().add("acme", "house-model", SQUARE_ONLY);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.add("acme", "house-model", WIDE_ONLY));
        assertTrue(e.getMessage().contains("acme/house-model"), e.getMessage());
    }

    @Test
    void extends_the_built_in_catalogue_with_its_own_entries_winning() {
        ModelCapabilities ours = ModelCapabilities.builder().aspectRatios("1:1").build();
        Catalogue extended = Catalogue.builder()
                .add("xenodia", "gpt-image-2", ours)
                .add("acme", "house-model", SQUARE_ONLY)
                .addAll(Catalogue.builtIn())
                .build();

        assertEquals(Optional.of(ours), extended.entry(ProviderId.of("xenodia"), ModelId.of("gpt-image-2")));
        assertEquals(Catalogue.builtIn().entry(ProviderId.of("apixo"), ModelId.of("nano-banana-pro")),
                extended.entry(ProviderId.of("apixo"), ModelId.of("nano-banana-pro")));
        assertTrue(extended.entry(ProviderId.of("acme"), MODEL).isPresent());
    }
}
