package dev.imagegen.core;

import static dev.imagegen.core.fake.FakeProvider.queued;
import static dev.imagegen.core.fake.FakeProvider.running;
import static dev.imagegen.core.fake.FakeProvider.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.fake.FakeProvider;
import dev.imagegen.core.policy.RetryPolicy;
import dev.imagegen.core.task.InMemoryTaskStore;
import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.core.task.TaskState;
import dev.imagegen.core.task.TaskStore;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.Reference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine at its edges, in virtual time: stops during a submit, closing, store failures, progress. */
class EngineEdgesTest {

    private final ManualScheduler time = new ManualScheduler();
    private final InMemoryTaskStore store = new InMemoryTaskStore(Duration.ofDays(7), 10_000, time.clock);
    private final List<TaskEvent> events = new CopyOnWriteArrayList<>();
    private ImageGeneration engine;

    @AfterEach
    void close() {
        if (engine != null) {
            Engines.closeInVirtualTime(engine, time);
        }
    }

    private ImageGeneration start(TaskStore taskStore, FakeProvider... providers) {
        engine = Engines.virtual(time).providers(List.of(providers)).taskStore(taskStore).listener(events::add)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1))).build();
        return engine;
    }

    private ImageGeneration start(FakeProvider... providers) {
        return start(store, providers);
    }

    private static GenerationRequest.Builder request(String id) {
        return GenerationRequest.builder().id(id).model("nano-banana-pro").prompt("a banana pilot");
    }

    private GenerationResult await(GenerationHandle handle) {
        CompletableFuture<GenerationResult> result = handle.result().toCompletableFuture();
        time.advanceUntil(result::isDone, Duration.ofHours(1));
        return result.join();
    }

    private static FakeProvider holding(CancelOutcome cancelAnswer) {
        return new FakeProvider("xenodia", "nano-banana-pro").then(new FakeProvider.Script.Hold())
                .cancelsWith(cancelAnswer);
    }

    @Test
    void a_cancel_during_a_submit_cancels_the_task_the_vendor_then_accepts() {
        FakeProvider vendor = holding(CancelOutcome.CANCELLED);
        GenerationHandle handle = start(vendor).submit(request("c1").build());
        time.runUntilIdle();
        assertEquals(1, vendor.submitted().size());

        handle.cancel();
        time.runUntilIdle();
        assertFalse(handle.result().toCompletableFuture().isDone(), "the stop waits for the submit's answer");
        vendor.acceptHeldSubmits();

        GenerationResult.Cancelled cancelled = assertInstanceOf(GenerationResult.Cancelled.class, await(handle));
        assertEquals(CancelOutcome.CANCELLED, cancelled.vendorCancellation());
        assertEquals(List.of("xenodia-task-1"), vendor.cancelled());
        TaskEvent last = events.get(events.size() - 1);
        assertEquals(TaskState.CANCELLED, last.status());
        assertEquals("xenodia-task-1", last.providerTaskId());
        assertEquals(CancelOutcome.CANCELLED, last.vendorCancellation());
        assertEquals(1, events.stream().filter(TaskEvent::terminal).count());
    }

    @Test
    void a_cancel_during_a_submit_to_a_vendor_that_cannot_cancel_says_so() {
        FakeProvider vendor = holding(CancelOutcome.NOT_SUPPORTED);
        GenerationHandle handle = start(vendor).submit(request("c2").build());
        time.runUntilIdle();
        handle.cancel();
        time.runUntilIdle();
        vendor.acceptHeldSubmits();

        GenerationResult.Cancelled cancelled = assertInstanceOf(GenerationResult.Cancelled.class, await(handle));
        assertEquals(CancelOutcome.NOT_SUPPORTED, cancelled.vendorCancellation());
        assertEquals(List.of("xenodia-task-1"), vendor.cancelled(), "it was asked anyway");
    }

    @Test
    void a_deadline_passing_during_a_submit_ends_timeout_and_cancels_the_accepted_vendor_task() {
        FakeProvider vendor = holding(CancelOutcome.CANCELLED);
        GenerationHandle handle = start(vendor).submit(request("c3")
                .deadline(time.now().plusSeconds(5)).build());
        time.advance(Duration.ofSeconds(10));
        assertFalse(handle.result().toCompletableFuture().isDone());
        vendor.acceptHeldSubmits();

        GenerationResult.Failed failed = assertInstanceOf(GenerationResult.Failed.class, await(handle));
        assertEquals(ErrorCode.TIMEOUT, failed.code());
        assertEquals(CancelOutcome.CANCELLED, failed.vendorCancellation());
        assertEquals(List.of("xenodia-task-1"), vendor.cancelled());
    }

    @Test
    void a_cancel_during_a_submit_that_fails_ends_without_a_vendor_cancellation() {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").thenFail(ErrorCode.RATE_LIMITED);
        GenerationHandle handle = start(vendor).submit(request("c4").build());
        handle.cancel();

        GenerationResult.Cancelled cancelled = assertInstanceOf(GenerationResult.Cancelled.class, await(handle));
        assertNull(cancelled.vendorCancellation());
        assertEquals(List.of(), vendor.cancelled());
    }

    @Test
    void every_timeout_of_an_accepted_task_asks_the_vendor_to_cancel() {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").thenTask(queued())
                .cancelsWith(CancelOutcome.TOO_LATE);
        GenerationHandle handle = start(vendor).submit(request("c5").deadline(time.now().plusSeconds(3)).build());

        GenerationResult.Failed failed = assertInstanceOf(GenerationResult.Failed.class, await(handle));
        assertEquals(ErrorCode.TIMEOUT, failed.code());
        assertEquals(CancelOutcome.TOO_LATE, failed.vendorCancellation());
        assertEquals(List.of("xenodia-task-1"), vendor.cancelled());
    }

    @Test
    void no_status_call_is_made_past_the_deadline_and_the_timeout_comes_at_it() {
        Duration every4s = Duration.ofSeconds(4);
        FakeProvider vendor = new FakeProvider("xenodia", new dev.imagegen.spi.TaskSettings(every4s, every4s, every4s,
                Duration.ofSeconds(10), 10, 10_000), null, "nano-banana-pro").thenTask(queued());
        java.time.Instant start = time.now();
        GenerationHandle handle = start(vendor).submit(request("d1").build());

        GenerationResult.Failed failed = assertInstanceOf(GenerationResult.Failed.class, await(handle));
        assertEquals(ErrorCode.TIMEOUT, failed.code());
        assertEquals(2, vendor.polls(), "status calls at 4 s and 8 s; the one due at 12 s is past the deadline");
        assertEquals(start.plusSeconds(10), store.find(handle.id()).orElseThrow().updatedAt());
    }

    /** Records each save: the task's state, whether it holds a submit intent, and its event's status. */
    private final class RecordingStore implements TaskStore {
        final List<String> saves = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<Void> save(Task task, TaskEvent event) {
            saves.add(task.state() + (task.submitInDoubt() ? "+intent" : "") + " event "
                    + (event == null ? "none" : event.status()));
            return store.save(task, event);
        }

        @Override
        public Optional<Task> find(dev.imagegen.core.TaskId id) {
            return store.find(id);
        }

        @Override
        public List<Task> unfinished() {
            return store.unfinished();
        }
    }

    @Test
    void a_task_that_can_go_at_once_saves_its_accepted_event_with_the_submit_intent() {
        RecordingStore recording = new RecordingStore();
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").thenTask(succeeded());
        List<String> savedBeforeSubmit = new CopyOnWriteArrayList<>();
        vendor.beforeSubmit(() -> savedBeforeSubmit.addAll(recording.saves));

        assertTrue(await(start(recording, vendor).submit(request("s1").build())).succeeded());
        assertEquals(List.of("ACCEPTED+intent event ACCEPTED"), savedBeforeSubmit);
        assertEquals("ACCEPTED", events.get(0).status().name());
        assertNull(events.get(0).provider(), "the ACCEPTED event is the same as when saved on its own");
    }

    @Test
    void a_task_that_must_wait_for_a_slot_saves_its_accepted_event_at_once_and_its_intent_later() {
        RecordingStore recording = new RecordingStore();
        FakeProvider vendor = new FakeProvider("xenodia", new dev.imagegen.spi.TaskSettings(Duration.ofMillis(10),
                Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(10), 1, 10_000), null,
                "nano-banana-pro").then(new FakeProvider.Script.Hold()).thenTask(succeeded());
        ImageGeneration images = start(recording, vendor);
        images.submit(request("w1").build());
        GenerationHandle second = images.submit(request("w2").build());
        time.advance(Duration.ofSeconds(1));

        assertEquals(List.of("ACCEPTED+intent event ACCEPTED", "ACCEPTED event ACCEPTED"), recording.saves,
                "w2 waits for the only slot with its ACCEPTED event saved");
        vendor.releaseHeldSubmits();
        assertNotNull(await(second));
        assertTrue(recording.saves.contains("ACCEPTED+intent event none"), recording.saves.toString());
    }

    @Test
    void a_cancel_with_a_reason_keeps_it_among_the_warnings() {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").thenTask(queued());
        GenerationHandle handle = start(vendor).submit(request("c6").build());
        time.advance(Duration.ofSeconds(1));
        engine.host().cancel(handle.id(), "user closed the page");

        await(handle);
        assertEquals(List.of("user closed the page"), store.find(handle.id()).orElseThrow().warnings());
    }

    @Test
    void vendor_progress_reaches_the_events_once_per_new_value() {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro")
                .thenTask(queued(), running(10), running(10), running(60), running(null), succeeded());
        GenerationHandle handle = start(vendor).submit(request("p1").build());
        List<TaskEvent> followed = new CopyOnWriteArrayList<>();
        handle.onEvent(followed::add);

        assertTrue(await(handle).succeeded());
        assertEquals(List.of("ACCEPTED null", "SUBMITTED null", "RUNNING 10", "RUNNING 60", "SUCCEEDED null"),
                followed.stream().map(e -> e.status() + " " + e.progress()).toList());
    }

    @Test
    void a_task_s_events_can_be_followed_as_a_flow_publisher() throws Exception {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro")
                .thenTask(running(30), running(80), succeeded());
        GenerationHandle handle = start(vendor).submit(request("p2").build());
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> completed = new CompletableFuture<>();
        handle.events().subscribe(new java.util.concurrent.Flow.Subscriber<TaskEvent>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(TaskEvent item) {
                seen.add(item.status() + " " + item.progress());
            }

            @Override
            public void onError(Throwable throwable) {
                completed.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                completed.complete(null);
            }
        });

        assertTrue(await(handle).succeeded());
        completed.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of("ACCEPTED null", "SUBMITTED null", "RUNNING 30", "RUNNING 80", "SUCCEEDED null"), seen);
    }

    @Test
    void inline_reference_bytes_are_let_go_once_the_vendor_accepted() {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").thenTask(queued());
        GenerationHandle handle = start(vendor).submit(request("r1")
                .reference(Reference.inline(new byte[] {1, 2, 3}, "image/png")).build());
        time.runUntilIdle();

        Task held = store.find(handle.id()).orElseThrow();
        assertEquals(TaskState.SUBMITTED, held.state());
        assertEquals(List.of(), held.request().references());
        assertEquals(1, vendor.submitted().get(0).references().size(), "the vendor got them");
    }

    @Test
    void a_store_that_fails_before_any_vendor_call_is_retried() {
        FailingStore flaky = new FailingStore(store, 2);
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").then(new FakeProvider.Script.Sync());

        assertTrue(await(start(flaky, vendor).submit(request("s1").build())).succeeded());
        assertEquals(1, vendor.submitted().size());
    }

    @Test
    void a_store_that_keeps_failing_gives_the_task_up_without_calling_a_vendor() {
        FailingStore broken = new FailingStore(store, Integer.MAX_VALUE);
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro");
        GenerationHandle handle = start(broken, vendor).submit(request("s2").build());
        CompletableFuture<GenerationResult> result = handle.result().toCompletableFuture();
        time.advanceUntil(result::isDone, Duration.ofMinutes(5));

        TaskAbandonedException why = assertInstanceOf(TaskAbandonedException.class,
                assertThrowsCause(result));
        assertEquals(TaskAbandonedException.Reason.STORE_FAILED, why.reason());
        assertEquals(List.of(), vendor.submitted());
        assertEquals(0, engine.host().inFlight());
    }

    @Test
    void generate_waits_and_a_request_without_an_id_gets_one() {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").then(new FakeProvider.Script.Sync());
        start(vendor);
        CompletableFuture<GenerationResult> async = engine.generateAsync(
                GenerationRequest.of("nano-banana-pro", "a banana pilot"));
        time.advanceUntil(async::isDone, Duration.ofMinutes(1));

        GenerationResult.Succeeded done = assertInstanceOf(GenerationResult.Succeeded.class, async.join());
        assertEquals(1, done.images().size());
        assertTrue(TaskId.isValid(done.id().value()));
        assertEquals("xenodia", done.provider().value());
    }

    @Test
    void a_refused_request_fails_at_once_with_every_violation() {
        start(new FakeProvider("xenodia", "gpt-image-2"));
        CompletableFuture<GenerationResult> async = engine.generateAsync(GenerationRequest.builder()
                .model("gpt-image-2").prompt("p").aspectRatio("1:1").resolution("4K").build());
        time.runUntilIdle();

        GenerationResult.Failed failed = assertInstanceOf(GenerationResult.Failed.class, async.join());
        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, failed.code());
        assertTrue(failed.message().contains("resolution '4K'"), failed.message());
    }

    @Test
    void close_completes_pending_results_and_stops_every_timer() {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").thenTask(queued());
        GenerationHandle handle = start(vendor).submit(request("z1").build());
        time.advance(Duration.ofSeconds(2));
        assertTrue(time.pendingTimers() > 0);

        Engines.closeInVirtualTime(engine, time);

        TaskAbandonedException why = assertInstanceOf(TaskAbandonedException.class,
                assertThrowsCause(handle.result().toCompletableFuture()));
        assertEquals(TaskAbandonedException.Reason.ENGINE_CLOSED, why.reason());
        assertEquals(0, time.pendingTimers());
        assertTrue(vendor.closed());
        assertEquals(TaskState.SUBMITTED, store.find(handle.id()).orElseThrow().state(), "resumable");
    }

    static Throwable assertThrowsCause(CompletableFuture<?> future) {
        assertTrue(future.isCompletedExceptionally(), "completed exceptionally");
        return future.handle((ok, error) -> error instanceof java.util.concurrent.CompletionException c
                ? c.getCause() : error).join();
    }

    /** A store that refuses its first {@code failures} saves. */
    static final class FailingStore implements TaskStore {
        private final TaskStore delegate;
        private final AtomicInteger failuresLeft;

        FailingStore(TaskStore delegate, int failures) {
            this.delegate = delegate;
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public CompletionStage<Void> save(Task task, TaskEvent event) {
            if (failuresLeft.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("store down"));
            }
            return delegate.save(task, event);
        }

        @Override
        public Optional<Task> find(TaskId id) {
            return delegate.find(id);
        }

        @Override
        public List<Task> unfinished() {
            return delegate.unfinished();
        }
    }
}
