package dev.imagegen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.fake.FakeProvider;
import dev.imagegen.core.task.TaskEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine on real threads: who runs what, and what close() does to someone waiting. */
class EngineThreadsTest {

    private static GenerationRequest request(String id) {
        return GenerationRequest.builder().id(id).model("nano-banana-pro").prompt("a banana pilot").build();
    }

    @Test
    void a_slow_listener_delays_no_other_task() throws Exception {
        CountDownLatch listenerBlocked = new CountDownLatch(1);
        CountDownLatch releaseListener = new CountDownLatch(1);
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro");
        for (int i = 0; i < 4; i++) {
            vendor.then(new FakeProvider.Script.Sync());
        }
        try (ImageGeneration engine = ImageGeneration.builder().provider(vendor).listener(event -> {
            listenerBlocked.countDown();
            await(releaseListener);
        }).build()) {
            GenerationHandle first = engine.submit(request("slow-1"));
            assertTrue(listenerBlocked.await(10, TimeUnit.SECONDS), "the listener got its first event");

            GenerationResult second = engine.generateAsync(request("slow-2")).get(10, TimeUnit.SECONDS);
            GenerationResult third = engine.generateAsync(request("slow-3")).get(10, TimeUnit.SECONDS);

            assertTrue(second.succeeded() && third.succeeded(), "other tasks went on while the listener slept");
            assertTrue(first.result().toCompletableFuture().get(10, TimeUnit.SECONDS).succeeded());
            assertEquals(3, vendor.submitted().size());
            releaseListener.countDown();
        }
    }

    @Test
    void listeners_and_results_never_run_on_the_engine_thread() throws Exception {
        Set<String> listenerThreads = ConcurrentHashMap.newKeySet();
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").thenTask(FakeProvider.running(),
                FakeProvider.succeeded());
        try (ImageGeneration engine = ImageGeneration.builder().provider(vendor)
                .listener(e -> listenerThreads.add(Thread.currentThread().getName())).build()) {
            String resultThread = engine.generateAsync(request("t-1"))
                    .thenApply(r -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);

            assertTrue(listenerThreads.stream().allMatch(n -> n.startsWith("imagegen-notify-")), listenerThreads::toString);
            assertNotEquals("imagegen-engine", resultThread);
        }
    }

    @Test
    void a_result_joined_on_another_thread_returns_after_close() throws Exception {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").thenTask(FakeProvider.queued());
        CountDownLatch submitted = new CountDownLatch(1);
        vendor.beforeSubmit(submitted::countDown);
        ImageGeneration engine = ImageGeneration.builder().provider(vendor).closeTimeout(Duration.ofMillis(200))
                .build();
        GenerationHandle handle = engine.submit(request("c-1"));
        CompletableFuture<Throwable> joiner = CompletableFuture.supplyAsync(() -> {
            try {
                handle.result().toCompletableFuture().join();
                return null;
            } catch (CompletionException e) {
                return e.getCause();
            }
        });
        assertTrue(submitted.await(10, TimeUnit.SECONDS));

        engine.close();

        TaskAbandonedException why = assertInstanceOf(TaskAbandonedException.class,
                joiner.get(10, TimeUnit.SECONDS));
        assertEquals(TaskAbandonedException.Reason.ENGINE_CLOSED, why.reason());
        assertThrows(IllegalStateException.class, () -> engine.submit(request("c-2")));
        assertTrue(vendor.closed());
    }

    @Test
    void the_builder_takes_a_thread_factory_for_the_one_engine_thread() throws Exception {
        List<Thread> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").then(new FakeProvider.Script.Sync());
        try (ImageGeneration engine = ImageGeneration.builder().provider(vendor).threadFactory(r -> {
            Thread t = new Thread(r, "my-engine");
            t.setDaemon(true);
            made.add(t);
            return t;
        }).build()) {
            assertTrue(engine.generateAsync(request("f-1")).get(10, TimeUnit.SECONDS).succeeded());
        }
        assertEquals(1, made.size(), "one thread, made by the factory");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
