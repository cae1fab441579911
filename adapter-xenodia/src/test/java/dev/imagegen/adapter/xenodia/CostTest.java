package dev.imagegen.adapter.xenodia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imagegen.spi.CapabilityRefinement;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Resolution;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import dev.imagegen.testkit.xenodia.ResponseMode;
import dev.imagegen.testkit.xenodia.SimulatedModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CONTRACT §5.3 {@code cost} against the simulator: the price of {@code GET /v1/models}' tiers at submit, what the
 * task's {@code billing} says on its finished answer, and no cost where neither says anything.
 */
class CostTest {

    @RegisterExtension
    static final SimulatedXenodia XENODIA = new SimulatedXenodia();

    private static final ModelId NANO = ModelId.of("nano-banana-pro");

    private static ImageProvider pricedProvider() {
        ImageProvider provider = Fixtures.provider(XENODIA.simulator());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (provider.descriptor().offer(NANO).orElseThrow().refinement() == CapabilityRefinement.NONE) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("discovery was not read within 5 s");
            }
            Thread.onSpinWait();
        }
        return provider;
    }

    private static TaskSnapshot finished(ImageProvider provider, Submission.Accepted accepted) {
        return provider.poll(accepted.task()).toCompletableFuture().join();
    }

    @Test
    void a_4k_task_is_priced_by_the_4k_tier_at_submit_and_costs_what_xenodia_billed() {
        XENODIA.simulator().pinTasksTo("success");
        try (ImageProvider provider = pricedProvider()) {
            Submission.Accepted accepted = assertInstanceOf(Submission.Accepted.class, provider.submit(
                    Fixtures.nanoBanana().resolution(Resolution.FOUR_K).build()).toCompletableFuture().join());
            assertEquals(Cost.ofMicros(240_000, "USDC", "vendor price list: 4k tier × 1 image"), accepted.price());

            TaskSnapshot done = finished(provider, accepted);
            assertEquals(ProviderTaskState.SUCCEEDED, done.state());
            assertEquals(Cost.ofMicros(240_000, "USDC", "vendor billing"), done.cost());
            System.out.println("xenodia 4K nano-banana-pro: price " + accepted.price().amountText() + " "
                    + accepted.price().currency() + ", billed " + done.cost().amountText());
        }
    }

    @Test
    void without_a_billing_report_the_finished_task_has_no_cost_of_its_own_and_the_price_stands() {
        XENODIA.simulator().pinTasksTo("success");
        XENODIA.simulator().reportBilling(false);
        try (ImageProvider provider = pricedProvider()) {
            Submission.Accepted accepted = assertInstanceOf(Submission.Accepted.class,
                    provider.submit(Fixtures.typical()).toCompletableFuture().join());
            assertEquals("0.134", accepted.price().amountText());
            assertEquals("vendor price list: 1k_2k tier × 1 image", accepted.price().basis());
            assertNull(finished(provider, accepted).cost());
        }
    }

    @Test
    void a_failed_task_costs_what_xenodia_released_it_at() {
        XENODIA.simulator().pinTasksTo("fail");
        XENODIA.simulator().failTasksWith("image_generation_failed");
        try (ImageProvider provider = pricedProvider()) {
            Submission.Accepted accepted = assertInstanceOf(Submission.Accepted.class,
                    provider.submit(Fixtures.typical()).toCompletableFuture().join());
            TaskSnapshot done = finished(provider, accepted);
            assertEquals(ProviderTaskState.FAILED, done.state());
            assertEquals(Cost.ofMicros(0, "USDC", "vendor billing"), done.cost());
        }
    }

    @Test
    void a_synchronous_answer_costs_the_tier_price() {
        XENODIA.simulator().respondWith(ResponseMode.SYNC);
        try (ImageProvider provider = pricedProvider()) {
            Submission.Completed done = assertInstanceOf(Submission.Completed.class, provider.submit(
                    Fixtures.gptImage().build()).toCompletableFuture().join());
            assertEquals(Cost.ofMicros(167_000, "USDC", "vendor price list: 1k_2k tier × 1 image"), done.cost());
        }
    }

    @Test
    void a_resolution_without_a_tier_or_a_price_list_not_read_yet_has_no_price_and_the_submit_goes_through() {
        XENODIA.simulator().serveModels(List.of(SimulatedModel.NANO_BANANA_PRO.withPriceTiers(
                Map.of("1k_2k", 134_000L)), SimulatedModel.GPT_IMAGE_2));
        ProviderRequest fourK = Fixtures.nanoBanana().resolution(Resolution.FOUR_K).build();
        try (ImageProvider provider = pricedProvider()) {
            assertNull(assertInstanceOf(Submission.Accepted.class, provider.submit(fourK).toCompletableFuture()
                    .join()).price());
        }
        XENODIA.simulator().stallNextDiscovery(Duration.ofSeconds(2));
        try (ImageProvider provider = Fixtures.provider(XENODIA.simulator())) {
            assertNull(assertInstanceOf(Submission.Accepted.class, provider.submit(Fixtures.typical())
                    .toCompletableFuture().join()).price());
        }
    }
}
