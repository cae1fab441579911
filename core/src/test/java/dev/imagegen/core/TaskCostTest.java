package dev.imagegen.core;

import static dev.imagegen.core.fake.FakeProvider.failed;
import static dev.imagegen.core.fake.FakeProvider.running;
import static dev.imagegen.core.fake.FakeProvider.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.fake.FakeProvider;
import dev.imagegen.core.task.InMemoryTaskStore;
import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.core.task.TaskState;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CONTRACT §5.3 {@code cost}: what the vendor reports or publishes reaches the terminal event and the result. */
class TaskCostTest {

    private static final Cost PRICE = Cost.ofMicros(134_000, "USDC", "vendor price list: 1K / 2K tier × 1 image");
    private static final Cost BILLED = Cost.ofMicros(120_000, "USDC", "vendor billing");

    private final List<TaskEvent> events = new CopyOnWriteArrayList<>();
    private final ManualScheduler time = new ManualScheduler();
    private final InMemoryTaskStore store = new InMemoryTaskStore(Duration.ofDays(7), 10_000, time.clock);
    private ImageGeneration generation;

    @AfterEach
    void close() {
        if (generation != null) {
            Engines.closeInVirtualTime(generation, time);
        }
    }

    private GenerationResult run(FakeProvider provider, String id) {
        generation = Engines.virtual(time).providers(List.of(provider)).taskStore(store).listener(events::add)
                .build();
        CompletableFuture<GenerationResult> result = generation.submit(GenerationRequest.builder().id(id)
                .model("nano-banana-pro").prompt("a banana pilot").build()).result().toCompletableFuture();
        time.advanceUntil(result::isDone, Duration.ofHours(1));
        return result.join();
    }

    private TaskEvent terminalEvent() {
        return events.stream().filter(TaskEvent::terminal).findFirst().orElseThrow();
    }

    @Test
    void the_price_known_at_submit_reaches_the_succeeded_event_and_result_and_no_other_event() {
        GenerationResult result = run(new FakeProvider("xenodia", "nano-banana-pro").pricedAt(PRICE)
                .thenTask(running(), succeeded()), "c1");

        assertEquals(PRICE, ((GenerationResult.Succeeded) result).costIfKnown().orElseThrow());
        assertEquals(PRICE, terminalEvent().cost());
        assertTrue(events.stream().filter(e -> !e.terminal()).allMatch(e -> e.cost() == null), events.toString());
        assertEquals(PRICE, store.find(TaskId.of("c1")).orElseThrow().cost());
    }

    @Test
    void what_the_vendor_billed_replaces_the_price() {
        GenerationResult result = run(new FakeProvider("xenodia", "nano-banana-pro").pricedAt(PRICE)
                .thenTask(running(), succeeded().withCost(BILLED)), "c2");

        assertEquals(BILLED, ((GenerationResult.Succeeded) result).cost());
        assertEquals(BILLED, terminalEvent().cost());
    }

    @Test
    void a_synchronous_answer_carries_its_cost() {
        GenerationResult result = run(new FakeProvider("xenodia", "nano-banana-pro").pricedAt(BILLED)
                .then(new FakeProvider.Script.Sync()), "c3");

        assertEquals(BILLED, ((GenerationResult.Succeeded) result).cost());
        assertEquals(BILLED, terminalEvent().cost());
    }

    @Test
    void without_a_price_there_is_no_cost() {
        GenerationResult result = run(new FakeProvider("xenodia", "nano-banana-pro")
                .thenTask(running(), succeeded()), "c4");

        assertTrue(result.succeeded());
        assertEquals(java.util.Optional.empty(), ((GenerationResult.Succeeded) result).costIfKnown());
        assertNull(terminalEvent().cost());
    }

    @Test
    void a_failed_task_keeps_no_price() {
        run(new FakeProvider("xenodia", "nano-banana-pro").pricedAt(PRICE)
                .thenTask(running(), failed(ErrorCode.GENERATION_FAILED, "image_generation_failed")), "c5");

        assertEquals(TaskState.FAILED, terminalEvent().status());
        assertNull(terminalEvent().cost(), "a price is what a success costs, not a failure");
    }

    @Test
    void a_failed_task_keeps_what_the_vendor_reported_for_it() {
        Cost released = Cost.ofMicros(0, "USDC", "vendor billing");
        run(new FakeProvider("xenodia", "nano-banana-pro").pricedAt(PRICE)
                .thenTask(failed(ErrorCode.GENERATION_FAILED, "image_generation_failed").withCost(released)), "c6");

        assertEquals(TaskState.FAILED, terminalEvent().status());
        assertEquals(released, terminalEvent().cost());
    }

    @Test
    void a_cancelled_task_has_no_cost() {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro").pricedAt(PRICE).thenTask(running());
        generation = Engines.virtual(time).providers(List.of(xenodia)).taskStore(store).listener(events::add)
                .build();
        GenerationHandle handle = generation.submit(GenerationRequest.builder().id("c7").model("nano-banana-pro")
                .prompt("a banana pilot").build());
        time.advanceUntil(() -> !events.isEmpty() && events.get(events.size() - 1).status() == TaskState.RUNNING,
                Duration.ofMinutes(1));
        handle.cancel();
        CompletableFuture<GenerationResult> result = handle.result().toCompletableFuture();
        time.advanceUntil(result::isDone, Duration.ofHours(1));

        assertFalse(result.join().succeeded());
        assertEquals(TaskState.CANCELLED, terminalEvent().status());
        assertNull(terminalEvent().cost());
    }
}
