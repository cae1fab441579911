package dev.imagegen.adapter.xenodia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.xenodia.SimulatedModel;
import dev.imagegen.spi.AspectRatio;
import dev.imagegen.spi.CapabilityRefinement;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.Resolution;
import dev.imagegen.spi.Submission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /v1/models} refines the declared capabilities, is cached, refreshed in the background, and never
 * blocks.
 */
class DiscoveryTest {

    @RegisterExtension
    static final SimulatedXenodia XENODIA = new SimulatedXenodia();

    private static final ModelId NANO_BANANA_PRO = ModelId.of("nano-banana-pro");
    private static final ModelId GPT_IMAGE_2 = ModelId.of("gpt-image-2");

    @Test
    void descriptor_serves_both_built_in_models_at_once_while_discovery_is_slow() {
        XENODIA.simulator().stallNextDiscovery(Duration.ofSeconds(2));
        try (ImageProvider provider = Fixtures.provider(XENODIA.simulator())) {
            long start = System.nanoTime();
            ProviderDescriptor descriptor = provider.descriptor();
            assertTrue(System.nanoTime() - start < Duration.ofMillis(500).toNanos(), "descriptor() waited");
            assertEquals(List.of(NANO_BANANA_PRO, GPT_IMAGE_2), descriptor.models().stream().map(ModelOffer::model)
                    .toList());
            for (ModelOffer offer : descriptor.models()) {
                assertEquals(XenodiaModel.of(offer.model()).orElseThrow().capabilities(), offer.capabilities(),
                        "the declared capabilities, unrefined");
                assertEquals(CapabilityRefinement.NONE, offer.refinement());
            }
        }
    }

    @Test
    void discovery_refines_ratios_resolutions_reference_cap_and_prices() {
        XENODIA.simulator().serveModels(List.of(SimulatedModel.NANO_BANANA_PRO.withAspectRatios("1:1", "16:9", "auto")
                .withResolutions("1K", "2K").withMaxReferences(6), SimulatedModel.GPT_IMAGE_2));
        try (ImageProvider provider = Fixtures.provider(XENODIA.simulator())) {
            await(() -> refinement(provider, NANO_BANANA_PRO) != CapabilityRefinement.NONE);
            CapabilityRefinement nano = refinement(provider, NANO_BANANA_PRO);
            assertEquals(Set.of(AspectRatio.of(1, 1), AspectRatio.of(16, 9), AspectRatio.AUTO), nano.aspectRatios());
            assertEquals(Set.of(Resolution.ONE_K, Resolution.TWO_K), nano.resolutions());
            assertEquals(6, nano.maxReferences());
            assertEquals(Map.of("1k_2k", 134_000L, "4k", 240_000L), nano.pricesMicroUsd());
            CapabilityRefinement gpt = refinement(provider, GPT_IMAGE_2);
            assertEquals(6, gpt.aspectRatios().size());
            assertEquals(16, gpt.maxReferences());
        }
    }

    @Test
    void a_failing_discovery_keeps_the_declared_capabilities_warns_once_and_never_blocks_generation()
            throws InterruptedException {
        XENODIA.simulator().failDiscovery(true);
        long mark = LogFile.mark();
        try (ImageProvider provider = Fixtures.provider(withTtl("50ms"))) {
            for (int i = 0; i < 25; i++) {
                assertEquals(CapabilityRefinement.NONE, refinement(provider, NANO_BANANA_PRO));
                Thread.sleep(10);
            }
            assertInstanceOf(Submission.Accepted.class, provider.submit(Fixtures.typical()).toCompletableFuture().join());
            long reads = XENODIA.simulator().counters().models();
            assertTrue(reads >= 2 && reads < 25, "refreshed after the TTL, not on every call: " + reads);
        }
        String log = LogFile.since(mark);
        long warnings = log.lines().filter(l -> l.contains(" WARN ") && l.contains("ModelDiscovery")).count();
        assertEquals(1, warnings, log);
    }

    @Test
    void discovery_is_cached_for_its_ttl() {
        try (ImageProvider provider = Fixtures.provider(XENODIA.simulator())) {
            await(() -> refinement(provider, NANO_BANANA_PRO) != CapabilityRefinement.NONE);
            for (int i = 0; i < 20; i++) {
                provider.descriptor();
            }
            assertEquals(1, XENODIA.simulator().counters().models());
        }
    }

    @Test
    void discovery_recovers_after_an_outage_and_picks_up_changes_after_its_ttl() {
        XENODIA.simulator().failDiscovery(true);
        try (ImageProvider provider = Fixtures.provider(withTtl("50ms"))) {
            await(() -> XENODIA.simulator().counters().models() >= 1);
            XENODIA.simulator().serveModels(List.of(SimulatedModel.NANO_BANANA_PRO.withMaxReferences(4),
                    SimulatedModel.GPT_IMAGE_2));
            XENODIA.simulator().failDiscovery(false);
            await(() -> Integer.valueOf(4).equals(refinement(provider, NANO_BANANA_PRO).maxReferences()));
            XENODIA.simulator().serveModels(List.of(SimulatedModel.NANO_BANANA_PRO.withMaxReferences(3),
                    SimulatedModel.GPT_IMAGE_2));
            await(() -> Integer.valueOf(3).equals(refinement(provider, NANO_BANANA_PRO).maxReferences()));
        }
    }

    private static Map<String, String> withTtl(String ttl) {
        Map<String, String> config = Fixtures.config(XENODIA.simulator());
        config.put("XENODIA_DISCOVERY_TTL", ttl);
        return config;
    }

    private static CapabilityRefinement refinement(ImageProvider provider, ModelId model) {
        return provider.descriptor().offer(model).orElseThrow().refinement();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
