package dev.imagegen.adapter.xenodia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imagegen.adapter.xenodia.wire.ModelList;
import dev.imagegen.spi.AspectRatio;
import dev.imagegen.spi.CapabilityRefinement;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.Resolution;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscoveryMappingTest {

    @Test
    void leaves_out_values_the_spi_cannot_spell_and_models_it_does_not_serve() throws Exception {
        Map<ModelId, CapabilityRefinement> refinements = refinements("""
                {"object":"list","data":[
                  {"id":"nano-banana-pro","capabilities":{"parameters":[
                     {"name":"aspect_ratio","enum":["1:1","wide","auto"]},
                     {"name":"resolution","enum":["1K","8K"]}]}},
                  {"id":"flux-dev","capabilities":{"reference_input":{"max_items":3}}}]}""");
        assertEquals(Set.of(ModelId.of("nano-banana-pro")), refinements.keySet());
        CapabilityRefinement nano = refinements.get(ModelId.of("nano-banana-pro"));
        assertEquals(Set.of(AspectRatio.of(1, 1), AspectRatio.AUTO), nano.aspectRatios());
        assertEquals(Set.of(Resolution.ONE_K), nano.resolutions());
        assertNull(nano.maxReferences());
        assertEquals(Map.of(), nano.pricesMicroUsd());
    }

    @Test
    void unsupported_references_refine_the_cap_to_zero() throws Exception {
        CapabilityRefinement gpt = refinements("""
                {"object":"list","data":[{"id":"gpt-image-2","capabilities":{
                  "reference_input":{"supported":false,"max_items":16}}}]}""").get(ModelId.of("gpt-image-2"));
        assertEquals(0, gpt.maxReferences());
        assertNull(gpt.aspectRatios());
    }

    @Test
    void an_enum_of_nothing_readable_refines_nothing() throws Exception {
        CapabilityRefinement nano = refinements("""
                {"object":"list","data":[{"id":"nano-banana-pro","capabilities":{"parameters":[
                  {"name":"resolution","enum":["8K"]}]}}]}""").get(ModelId.of("nano-banana-pro"));
        assertNull(nano.resolutions());
    }

    private static Map<ModelId, CapabilityRefinement> refinements(String json) throws Exception {
        return DiscoveryMapping.refinements(Json.read(json, ModelList.class));
    }
}
