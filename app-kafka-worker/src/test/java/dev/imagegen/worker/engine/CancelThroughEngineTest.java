package dev.imagegen.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.GenerationHandle;
import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.GenerationResult;
import dev.imagegen.core.ImageGeneration;
import dev.imagegen.core.task.TaskState;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.testkit.bailian.BailianSimulator;
import dev.imagegen.testkit.bailian.SimOptions;
import dev.imagegen.testkit.xenodia.XenodiaSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cancels through the engine against the vendor simulators: Bailian's native DashScope style cancels a PENDING task
 * at the vendor; Xenodia offers no cancel, and the result says so.
 */
class CancelThroughEngineTest {

    @Test
    void a_pending_dashscope_task_is_cancelled_at_the_vendor() throws Exception {
        try (BailianSimulator bailian = BailianSimulator.start(SimOptions.defaults()
                .style(BailianSimulator.Style.DASHSCOPE).pendingFor(Duration.ofMinutes(5)))) {
            Map<String, String> env = new HashMap<>(bailian.providerConfig());
            env.put("BAILIAN_API_STYLE", "dashscope");
            GenerationResult.Cancelled cancelled = cancelOnceSubmitted(env, "wan2.2-t2i-flash");

            assertEquals(CancelOutcome.CANCELLED, cancelled.vendorCancellation());
            assertEquals(1, bailian.cancelCount());
        }
    }

    @Test
    void a_xenodia_task_cannot_be_cancelled_and_the_result_says_so() throws Exception {
        try (XenodiaSimulator xenodia = XenodiaSimulator.start()) {
            xenodia.pinTasksTo("generating");
            GenerationResult.Cancelled cancelled = cancelOnceSubmitted(new HashMap<>(xenodia.providerConfig()),
                    "nano-banana-pro");

            assertEquals(CancelOutcome.NOT_SUPPORTED, cancelled.vendorCancellation());
        }
    }

    private static GenerationResult.Cancelled cancelOnceSubmitted(Map<String, String> env, String model)
            throws Exception {
        try (ImageGeneration engine = ImageGeneration.builder()
                .providers(ProviderRegistry.load().createEnabled(ProviderConfig.of(env))).build()) {
            GenerationHandle handle = engine.submit(GenerationRequest.builder().model(model)
                    .prompt("a lighthouse in a storm").build());
            CountDownLatch submitted = new CountDownLatch(1);
            handle.onEvent(event -> {
                if (event.status() == TaskState.SUBMITTED) {
                    submitted.countDown();
                }
            });
            assertTrue(submitted.await(30, TimeUnit.SECONDS), "the vendor accepted the task");
            assertTrue(handle.cancel().toCompletableFuture().get(10, TimeUnit.SECONDS));
            return assertInstanceOf(GenerationResult.Cancelled.class,
                    handle.result().toCompletableFuture().get(30, TimeUnit.SECONDS));
        }
    }
}
