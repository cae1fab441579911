package dev.imagegen.adapter.xenodia;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.spi.CapabilityRefinement;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.Resolution;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceListTest {

    private static final ModelId NANO = ModelId.of("nano-banana-pro");

    private static PriceList prices(Map<String, Long> tiers) {
        return new PriceList(Map.of(NANO, new CapabilityRefinement(null, null, null, tiers)));
    }

    @Test
    void a_resolution_is_priced_by_the_tier_that_names_it_exactly_in_usdc() {
        PriceList list = prices(Map.of("1k_2k", 134_000L, "4k", 240_001L));

        assertEquals(Optional.of(Cost.ofMicros(240_001, "USDC", "vendor price list: 4k tier × 1 image")),
                list.price(NANO, Resolution.FOUR_K, 1));
        assertEquals("0.240001", list.price(NANO, Resolution.FOUR_K, 1).orElseThrow().amountText());
        assertEquals("0.134", list.price(NANO, Resolution.TWO_K, 1).orElseThrow().amountText());
        assertEquals("0.268", list.price(NANO, Resolution.ONE_K, 2).orElseThrow().amountText());
        assertEquals("vendor price list: 1k_2k tier × 2 images",
                list.price(NANO, Resolution.ONE_K, 2).orElseThrow().basis());
    }

    @Test
    void an_open_resolution_is_priced_as_xenodia_s_default_1k() {
        assertEquals("0.134", prices(Map.of("1k_2k", 134_000L)).price(NANO, null, 1).orElseThrow().amountText());
    }

    @Test
    void an_unknown_model_tier_or_an_unread_price_list_gives_no_price() {
        assertEquals(Optional.empty(), prices(Map.of("1k_2k", 134_000L)).price(NANO, Resolution.FOUR_K, 1));
        assertEquals(Optional.empty(), prices(Map.of("1k_2k", 1L)).price(ModelId.of("gpt-image-2"), null, 1));
        assertEquals(Optional.empty(), new PriceList(Map.of()).price(NANO, Resolution.ONE_K, 1));
        assertEquals(Optional.empty(), prices(Map.of("14k", 1L)).price(NANO, Resolution.FOUR_K, 1),
                "a tier id only prices the resolutions it names whole");
    }

    @Test
    void an_amount_that_overflows_or_is_negative_gives_no_price_and_no_exception() {
        assertEquals(Optional.empty(), prices(Map.of("4k", Long.MAX_VALUE / 2 + 1)).price(NANO, Resolution.FOUR_K, 2));
        assertEquals(Optional.empty(), prices(Map.of("4k", -1L)).price(NANO, Resolution.FOUR_K, 1));
        assertEquals(Optional.empty(), prices(Map.of("4k", 1L)).price(NANO, Resolution.FOUR_K, 0));
    }
}
