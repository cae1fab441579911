package dev.imagegen.core;

import static dev.imagegen.core.fake.FakeProvider.failed;
import static dev.imagegen.core.fake.FakeProvider.queued;
import static dev.imagegen.core.fake.FakeProvider.running;
import static dev.imagegen.core.fake.FakeProvider.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.fake.FakeProvider;
import dev.imagegen.core.policy.RetryPolicy;
import dev.imagegen.core.task.Attempt;
import dev.imagegen.core.task.InMemoryTaskStore;
import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.core.task.TaskState;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageGenerationTest {

    private static final RetryPolicy QUICK_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(20));

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

    private ImageGeneration start(UnknownOutcomePolicy policy, FakeProvider... providers) {
        generation = Engines.virtual(time).providers(List.of(providers)).taskStore(store)
                .retryPolicy(QUICK_RETRIES).unknownOutcomePolicy(policy).listener(events::add).build();
        return generation;
    }

    private ImageGeneration start(FakeProvider... providers) {
        return start(UnknownOutcomePolicy.FAIL, providers);
    }

    private static GenerationRequest.Builder request(String id) {
        return GenerationRequest.builder().id(id).model("nano-banana-pro").prompt("a banana pilot");
    }

    /** Runs the engine in virtual time until the task is over; the task as it ended. */
    private Task await(GenerationHandle handle) {
        CompletableFuture<GenerationResult> result = handle.result().toCompletableFuture();
        time.advanceUntil(result::isDone, Duration.ofHours(1));
        assertFalse(result.isCompletedExceptionally(), "the result completed exceptionally");
        return store.find(handle.id()).orElseThrow();
    }

    private List<TaskState> statuses(String id) {
        return events.stream().filter(e -> e.taskId().value().equals(id)).map(TaskEvent::status).toList();
    }

    @Test
    void sync_vendor_goes_from_accepted_straight_to_succeeded() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro").then(new FakeProvider.Script.Sync());
        Task done = await(start(xenodia).submit(request("t1").build()));

        assertEquals(TaskState.SUCCEEDED, done.state());
        assertEquals(1, done.images().size());
        assertEquals(List.of(TaskState.ACCEPTED, TaskState.SUCCEEDED), statuses("t1"));
        assertEquals(List.of(Attempt.accepted(ProviderId.of("xenodia"))), done.attempts());
    }

    @Test
    void vendor_task_walks_submitted_running_succeeded_with_one_terminal_event() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro")
                .thenTask(queued(), running(), running(), succeeded());
        Task done = await(start(xenodia).submit(request("t2").build()));

        assertEquals(TaskState.SUCCEEDED, done.state());
        assertEquals(List.of(TaskState.ACCEPTED, TaskState.SUBMITTED, TaskState.RUNNING, TaskState.SUCCEEDED),
                statuses("t2"));
        assertEquals(4, xenodia.polls());
        assertEquals("xenodia-task-1", done.providerTask().taskId());
    }

    @Test
    void failed_vendor_task_ends_failed_with_the_vendor_code() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro")
                .thenTask(running(), failed(ErrorCode.CONTENT_VIOLATION, "content_policy_violation"));
        Task done = await(start(xenodia).submit(request("t3").build()));

        assertEquals(TaskState.FAILED, done.state());
        assertEquals(ErrorCode.CONTENT_VIOLATION, done.failure().code());
        assertEquals("content_policy_violation", done.failure().providerCode());
    }

    @Test
    void a_request_the_model_refuses_never_reaches_a_vendor() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "gpt-image-2");
        Task done = await(start(xenodia).submit(GenerationRequest.builder().id("t4").model("gpt-image-2")
                .prompt("p").aspectRatio("1:1").resolution("4K").outputFormat("png").build()));

        assertEquals(TaskState.FAILED, done.state());
        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, done.failure().code());
        assertTrue(done.failure().message().contains("resolution '4K'"), done.failure().message());
        assertTrue(done.failure().message().contains("outputFormat 'png'"), done.failure().message());
        assertEquals(List.of(), xenodia.submitted());
        assertEquals(List.of(TaskState.FAILED), statuses("t4"));
    }

    @Test
    void a_model_nobody_serves_fails_with_unsupported_model() throws Exception {
        Task done = await(start(new FakeProvider("xenodia", "nano-banana-pro"))
                .submit(GenerationRequest.builder().id("t5").model("dall-e-9").prompt("p").build()));

        assertEquals(ErrorCode.UNSUPPORTED_MODEL, done.failure().code());
        assertTrue(done.failure().message().contains("xenodia (nano-banana-pro)"), done.failure().message());
    }

    @Test
    void throttled_submits_are_retried_within_the_budget() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro")
                .thenFail(ErrorCode.RATE_LIMITED).thenFail(ErrorCode.PROVIDER_UNAVAILABLE)
                .then(new FakeProvider.Script.Sync());
        Task done = await(start(xenodia).submit(request("t6").build()));

        assertEquals(TaskState.SUCCEEDED, done.state());
        assertEquals(List.of("RATE_LIMITED", "PROVIDER_UNAVAILABLE", "ACCEPTED"),
                done.attempts().stream().map(Attempt::outcome).toList());
    }

    @Test
    void throttling_past_the_budget_falls_back_to_the_next_provider() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro");
        for (int i = 0; i < 4; i++) {
            xenodia.thenFail(ErrorCode.RATE_LIMITED);
        }
        FakeProvider apixo = new FakeProvider("apixo", "nano-banana-pro").then(new FakeProvider.Script.Sync());
        Task done = await(start(xenodia, apixo).submit(request("t7").build()));

        assertEquals(TaskState.SUCCEEDED, done.state());
        assertEquals(ProviderId.of("apixo"), done.provider());
        assertEquals(4, xenodia.submitted().size());
        assertEquals(new Attempt(ProviderId.of("apixo"), "ACCEPTED"), done.attempts().get(4));
    }

    @Test
    void no_fallback_once_a_vendor_accepted_the_task() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro")
                .thenTask(failed(ErrorCode.GENERATION_FAILED, "upstream_error"));
        FakeProvider apixo = new FakeProvider("apixo", "nano-banana-pro");
        Task done = await(start(xenodia, apixo).submit(request("t8").build()));

        assertEquals(ErrorCode.GENERATION_FAILED, done.failure().code());
        assertEquals(List.of(), apixo.submitted());
    }

    @Test
    void a_named_provider_never_falls_back() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro");
        FakeProvider apixo = new FakeProvider("apixo", "nano-banana-pro").thenFail(ErrorCode.INSUFFICIENT_BALANCE);
        Task done = await(start(xenodia, apixo).submit(request("t9").provider("apixo").build()));

        assertEquals(ErrorCode.INSUFFICIENT_BALANCE, done.failure().code());
        assertEquals(List.of(), xenodia.submitted());
    }

    @Test
    void fallback_never_goes_to_a_model_that_cannot_do_the_request() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro").thenFail(ErrorCode.INSUFFICIENT_BALANCE);
        FakeProvider apixo = new FakeProvider("apixo", "nano-banana-pro");
        Task done = await(start(xenodia, apixo).submit(request("t10")
                .reference(Reference.inline(new byte[] {1, 2, 3}, "image/png")).build()));

        assertEquals(ErrorCode.INSUFFICIENT_BALANCE, done.failure().code());
        assertEquals(List.of(), apixo.submitted());
    }

    @Test
    void the_same_id_is_generated_once_however_often_it_is_submitted() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro");
        ImageGeneration images = start(xenodia);
        GenerationHandle first = images.submit(request("t11").build());
        GenerationHandle second = images.submit(request("t11").build());
        await(first);
        Task third = await(images.submit(request("t11").build()));

        assertEquals(TaskState.SUCCEEDED, await(second).state());
        assertEquals(TaskState.SUCCEEDED, third.state());
        assertEquals(1, xenodia.submitted().size());
    }

    @Test
    void a_deadline_that_passes_ends_the_task_with_timeout() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro").thenTask(queued());
        Task done = await(start(xenodia).submit(request("t12")
                .deadline(time.now().plusMillis(150)).build()));

        assertEquals(ErrorCode.TIMEOUT, done.failure().code());
        assertFalse(done.failure().code().retryable());
    }

    @Test
    void the_in_flight_cap_holds_excess_work_back_instead_of_failing_it() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", new dev.imagegen.spi.TaskSettings(Duration.ofMillis(10),
                Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(10), 2, 10_000), null,
                "nano-banana-pro");
        for (int i = 0; i < 5; i++) {
            xenodia.then(new FakeProvider.Script.Hold());
        }
        ImageGeneration images = start(xenodia);
        List<GenerationHandle> handles = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            handles.add(images.submit(request("cap-" + i).build()));
        }
        for (int expected : new int[] {2, 4, 5}) {
            time.advance(Duration.ofSeconds(5));
            assertEquals(expected, xenodia.submitted().size(), "only the cap's worth may be at the vendor");
            xenodia.releaseHeldSubmits();
        }
        for (GenerationHandle handle : handles) {
            assertEquals(TaskState.SUCCEEDED, await(handle).state());
        }
    }

    @Test
    void a_resumed_task_with_a_vendor_task_is_polled_never_resubmitted() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro");
        xenodia.knowTask("vendor-77", running(), succeeded());
        Task before = Task.accept(request("t13").build(), time.now())
                .submitting(ProviderId.of("xenodia"), time.now())
                .submitted(new ProviderTaskRef(ProviderId.of("xenodia"), dev.imagegen.spi.ModelId.of("nano-banana-pro"),
                        "vendor-77"), time.now());
        store.save(before, null);

        List<GenerationHandle> resumed = start(xenodia).host().resumeUnfinished();
        Task done = await(resumed.get(0));

        assertEquals(TaskState.SUCCEEDED, done.state());
        assertEquals(List.of(), xenodia.submitted());
    }

    @Test
    void a_submit_in_doubt_after_a_crash_fails_with_outcome_unknown_by_default() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro");
        store.save(Task.accept(request("t14").build(), time.now())
                .submitting(ProviderId.of("xenodia"), time.now()), null);

        Task done = await(start(xenodia).host().resumeUnfinished().get(0));

        assertEquals(ErrorCode.OUTCOME_UNKNOWN, done.failure().code());
        assertEquals(List.of(), xenodia.submitted());
    }

    @Test
    void a_submit_in_doubt_is_sent_again_under_the_resubmit_policy() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro").then(new FakeProvider.Script.Sync());
        store.save(Task.accept(request("t15").build(), time.now())
                .submitting(ProviderId.of("xenodia"), time.now()), null);

        Task done = await(start(UnknownOutcomePolicy.RESUBMIT, xenodia).host().resumeUnfinished().get(0));

        assertEquals(TaskState.SUCCEEDED, done.state());
        assertEquals(1, xenodia.submitted().size());
        assertEquals("OUTCOME_UNKNOWN", done.attempts().get(0).outcome());
    }

    @Test
    void a_read_timeout_on_submit_is_not_sent_twice_under_the_fail_policy() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro").thenFail(ErrorCode.OUTCOME_UNKNOWN);
        FakeProvider apixo = new FakeProvider("apixo", "nano-banana-pro");
        Task done = await(start(xenodia, apixo).submit(request("t16").build()));

        assertEquals(ErrorCode.OUTCOME_UNKNOWN, done.failure().code());
        assertEquals(1, xenodia.submitted().size());
        assertEquals(List.of(), apixo.submitted());
    }

    @Test
    void the_intent_is_durable_before_the_vendor_is_called() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro").then(new FakeProvider.Script.Sync());
        List<Boolean> inDoubtAtSubmit = new CopyOnWriteArrayList<>();
        xenodia.beforeSubmit(() -> inDoubtAtSubmit.add(store.find(TaskId.of("t17")).orElseThrow().submitInDoubt()));
        await(start(xenodia).submit(request("t17").build()));

        assertEquals(List.of(true), inDoubtAtSubmit);
        assertFalse(store.find(TaskId.of("t17")).orElseThrow().submitInDoubt());
    }

    @Test
    void transient_poll_failures_are_retried() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro").thenTask(running(), succeeded());
        xenodia.failPolls(new dev.imagegen.spi.ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, "503", "busy"));
        Task done = await(start(xenodia).submit(request("t18").build()));

        assertEquals(TaskState.SUCCEEDED, done.state());
    }

    @Test
    void an_accepted_task_outlives_a_vendor_outage_longer_than_the_retry_budget() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro").thenTask(running(), succeeded());
        dev.imagegen.spi.ProviderException down = new dev.imagegen.spi.ProviderException(
                ErrorCode.PROVIDER_UNAVAILABLE, "503", "down");
        dev.imagegen.spi.ProviderException throttled = new dev.imagegen.spi.ProviderException(
                ErrorCode.RATE_LIMITED, "429", "slow down");
        xenodia.failPolls(down, down, throttled, down, down, down, throttled, down);
        Task done = await(start(xenodia).submit(request("t18b").build()));

        assertEquals(TaskState.SUCCEEDED, done.state(), () -> String.valueOf(done.failure()));
        assertEquals(1, xenodia.submitted().size(), "the vendor has the task: it is never sent again");
        assertTrue(xenodia.polls() > 8, "it kept asking");
    }

    @Test
    void a_poll_refused_for_good_ends_the_task_with_its_code() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro").thenTask(running(), succeeded());
        xenodia.failPolls(new dev.imagegen.spi.ProviderException(ErrorCode.AUTHENTICATION_FAILED, "401", "key"));
        Task done = await(start(xenodia).submit(request("t18c").build()));

        assertEquals(TaskState.FAILED, done.state());
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, done.failure().code());
    }

    @Test
    void a_vendor_that_stays_away_ends_the_task_at_its_timeout() throws Exception {
        dev.imagegen.spi.TaskSettings shortTimeout = new dev.imagegen.spi.TaskSettings(Duration.ofMillis(10),
                Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(400), 100, 10_000);
        FakeProvider xenodia = new FakeProvider("xenodia", shortTimeout, null, "nano-banana-pro")
                .thenTask(running(), succeeded());
        dev.imagegen.spi.ProviderException down = new dev.imagegen.spi.ProviderException(
                ErrorCode.PROVIDER_UNAVAILABLE, "503", "down");
        xenodia.failPolls(java.util.Collections.nCopies(1000, down).toArray(dev.imagegen.spi.ProviderException[]::new));
        Task done = await(start(xenodia).submit(request("t18d").build()));

        assertEquals(ErrorCode.TIMEOUT, done.failure().code(), () -> String.valueOf(done.failure()));
    }

    @Test
    void a_callback_triggers_an_immediate_poll_and_unknown_tokens_are_refused() throws Exception {
        dev.imagegen.spi.TaskSettings slow = new dev.imagegen.spi.TaskSettings(Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5), 10, 100);
        FakeProvider apixo = new FakeProvider("apixo", slow, java.net.URI.create("https://hooks.example"),
                "nano-banana-pro").thenTask(running());
        ImageGeneration images = start(apixo);
        GenerationHandle handle = images.submit(request("t19").build());
        time.runUntilIdle();
        assertEquals(1, apixo.submitted().size());
        String url = apixo.submitted().get(0).callbackUrl().toString();
        assertTrue(url.startsWith("https://hooks.example/callbacks/apixo/"), url);
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertEquals(TaskState.SUBMITTED, store.find(TaskId.of("t19")).orElseThrow().state());

        assertEquals(CallbackAnswer.Verdict.REFUSED, callback(images, "forged", "apixo-task-1").verdict());
        assertEquals(CallbackAnswer.Verdict.REFUSED, callback(images, "t19~AAAAAAAAAAAAAAAAAAAAAA", "apixo-task-1")
                .verdict(), "a forged mac");
        assertEquals(CallbackAnswer.Verdict.REFUSED, callback(images, token, "someone-else").verdict());
        apixo.finishTask("apixo-task-1", succeeded());
        int polls = apixo.polls();
        assertEquals(new CallbackAnswer(CallbackAnswer.Verdict.POLLED, TaskId.of("t19")),
                callback(images, token, "apixo-task-1"));
        time.runUntilIdle();

        assertEquals(polls + 1, apixo.polls(), "the callback made one status call at once");
        assertEquals(TaskState.SUCCEEDED, store.find(TaskId.of("t19")).orElseThrow().state());
        assertEquals(TaskState.SUCCEEDED, await(handle).state());
        assertEquals(new CallbackAnswer(CallbackAnswer.Verdict.NOT_HERE, TaskId.of("t19")),
                callback(images, token, "apixo-task-1"), "genuine, but the task is over");
    }

    @Test
    void cancel_ends_a_running_task_cancelled() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro").thenTask(running());
        ImageGeneration images = start(xenodia);
        GenerationHandle handle = images.submit(request("t20").build());
        time.advanceUntil(() -> state("t20") == TaskState.RUNNING, Duration.ofMinutes(1));

        CompletableFuture<Boolean> wasRunning = handle.cancel().toCompletableFuture();
        time.runUntilIdle();
        assertTrue(wasRunning.join());
        Task done = await(handle);
        assertEquals(TaskState.CANCELLED, done.state());
        assertEquals(CancelOutcome.NOT_SUPPORTED, done.vendorCancellation(), "the fake vendor cannot cancel");
        assertEquals(List.of("xenodia-task-1"), xenodia.cancelled());
        assertTrue(statuses("t20").contains(TaskState.CANCELLED));
    }

    @Test
    void a_released_task_is_no_longer_driven_and_can_be_resumed_afresh() throws Exception {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro").thenTask(running());
        ImageGeneration images = start(xenodia);
        GenerationHandle handle = images.submit(request("t21").build());
        time.advanceUntil(() -> state("t21") == TaskState.RUNNING, Duration.ofMinutes(1));

        CompletableFuture<Void> released = images.host().release(TaskId.of("t21")).toCompletableFuture();
        time.runUntilIdle();
        assertTrue(released.isDone());
        assertTrue(handle.result().toCompletableFuture().isCompletedExceptionally());
        assertEquals(0, time.pendingTimers(), "no timer is left for a released task");
        Task stored = images.host().find(TaskId.of("t21")).orElseThrow();
        xenodia.finishTask("xenodia-task-1", succeeded());

        assertEquals(TaskState.SUCCEEDED, await(images.host().resume(stored)).state());
        assertEquals(1, xenodia.submitted().size());
    }

    @Test
    void close_closes_the_providers() {
        FakeProvider xenodia = new FakeProvider("xenodia", "nano-banana-pro");
        Engines.closeInVirtualTime(start(xenodia), time);
        assertTrue(xenodia.closed());
    }

    private TaskState state(String id) {
        return store.find(TaskId.of(id)).map(Task::state).orElse(null);
    }

    private CallbackAnswer callback(ImageGeneration images, String token, String body) {
        CompletableFuture<CallbackAnswer> matched = images.host().onCallback(ProviderId.of("apixo"), token,
                body.getBytes(StandardCharsets.UTF_8)).toCompletableFuture();
        time.runUntilIdle();
        return matched.join();
    }
}
