package dev.imagegen.adapter.bailian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.bailian.BailianSimulator;
import dev.imagegen.testkit.bailian.ReceivedRequest;
import dev.imagegen.testkit.bailian.SimOptions;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The native DashScope style: a path per family, the async header on task submits only, no envelope. */
class DashScopeStyleTest {

    private static Fixture fixture;

    @BeforeAll
    static void start() {
        fixture = Fixture.start(SimOptions.defaults().style(BailianSimulator.Style.DASHSCOPE)
                .pendingFor(Duration.ofSeconds(30)), Map.of(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void reset() {
        fixture.sim.reset();
    }

    @Test
    void wan_text_to_image_goes_to_text2image_with_the_async_header() throws Exception {
        assertInstanceOf(Submission.Accepted.class, fixture.submit(ProviderRequest.builder("wan2.2-t2i-flash", "p")
                .build()));
        ReceivedRequest sent = fixture.sim.lastSubmit();
        assertEquals("/api/v1/services/aigc/text2image/image-synthesis", sent.path());
        assertEquals("enable", sent.header("X-DashScope-Async").orElseThrow());
    }

    @Test
    void wan_image_edit_goes_to_image2image_with_the_async_header() throws Exception {
        fixture.submit(ProviderRequest.builder("wan2.5-i2i-preview", "p")
                .references(List.of(Reference.url("https://example.com/a.png"))).build());
        ReceivedRequest sent = fixture.sim.lastSubmit();
        assertEquals("/api/v1/services/aigc/image2image/image-synthesis", sent.path());
        assertEquals("enable", sent.header("X-DashScope-Async").orElseThrow());
    }

    @Test
    void qwen_goes_to_multimodal_generation_synchronously() throws Exception {
        assertInstanceOf(Submission.Completed.class, fixture.submit(ProviderRequest.builder("qwen-image", "p")
                .build()));
        ReceivedRequest sent = fixture.sim.lastSubmit();
        assertEquals("/api/v1/services/aigc/multimodal-generation/generation", sent.path());
        assertTrue(sent.header("X-DashScope-Async").isEmpty());
    }

    @Test
    void status_calls_carry_no_async_header() throws Exception {
        Submission.Accepted accepted = (Submission.Accepted) fixture.submit(
                ProviderRequest.builder("wan2.2-t2i-flash", "p").build());
        fixture.poll(accepted.task());
        ReceivedRequest poll = fixture.sim.requests().get(1);
        assertEquals("GET", poll.method());
        assertEquals("/api/v1/tasks/" + accepted.task().taskId(), poll.path());
        assertTrue(poll.header("X-DashScope-Async").isEmpty());
    }

    @Test
    void seedream_is_refused_as_an_unsupported_model_without_a_call() {
        long before = fixture.sim.submitCount();
        var e = fixture.submitFailure(ProviderRequest.builder("doubao-seedream-4-0-250828", "p").build());
        assertEquals(ErrorCode.UNSUPPORTED_MODEL, e.code());
        assertTrue(e.getMessage().contains("gateway"), e.getMessage());
        assertEquals(before, fixture.sim.submitCount());
    }

    @Test
    void descriptor_lists_only_the_dashscope_models() {
        var models = fixture.provider.descriptor().models().stream().map(m -> m.model().value()).toList();
        assertEquals(List.of("wan2.2-t2i-flash", "wan2.2-t2i-plus", "wanx2.1-t2i-turbo", "wan2.5-i2i-preview",
                "qwen-image-plus", "qwen-image"), models);
    }

    @Test
    void a_pending_task_can_be_canceled_and_then_reads_as_failed() throws Exception {
        ProviderTaskRef task = ((Submission.Accepted) fixture.submit(
                ProviderRequest.builder("wan2.2-t2i-flash", "p").build())).task();
        assertEquals(CancelOutcome.CANCELLED, fixture.provider.cancel(task).toCompletableFuture().join());
        TaskSnapshot snapshot = fixture.poll(task);
        assertEquals(ProviderTaskState.FAILED, snapshot.state());
        assertEquals(ErrorCode.GENERATION_FAILED, snapshot.failure().code());
        assertEquals("CANCELED", snapshot.failure().providerCode());
        assertTrue(snapshot.failure().message().contains("canceled"));
        assertTrue(fixture.sim.lastSubmit().path().startsWith("/api/v1/services/"), "cancel is not a submit");
    }

    @Test
    void a_running_task_cannot_be_canceled_and_goes_on() throws Exception {
        fixture.sim.pinTasksTo("RUNNING");
        ProviderTaskRef task = ((Submission.Accepted) fixture.submit(
                ProviderRequest.builder("wan2.2-t2i-flash", "p").build())).task();
        long cancels = fixture.sim.cancelCount();
        assertEquals(CancelOutcome.NOT_SUPPORTED, fixture.provider.cancel(task).toCompletableFuture().join());
        assertEquals(cancels + 1, fixture.sim.cancelCount(), "the cancel was asked for");
    }

    @Test
    void a_finished_task_is_too_late_to_cancel() throws Exception {
        fixture.sim.pinTasksTo("SUCCEEDED");
        ProviderTaskRef task = ((Submission.Accepted) fixture.submit(
                ProviderRequest.builder("wan2.2-t2i-flash", "p").build())).task();
        assertEquals(CancelOutcome.TOO_LATE, fixture.provider.cancel(task).toCompletableFuture().join());
    }

    @Test
    void a_cancel_the_vendor_does_not_answer_is_failed() throws Exception {
        Fixture gone = Fixture.start(SimOptions.defaults().style(BailianSimulator.Style.DASHSCOPE), Map.of(),
                Clock.systemUTC());
        try {
            ProviderTaskRef task = ((Submission.Accepted) gone.submit(
                    ProviderRequest.builder("wan2.2-t2i-flash", "p").build())).task();
            gone.sim.close();
            assertEquals(CancelOutcome.FAILED, gone.provider.cancel(task).toCompletableFuture().join());
        } finally {
            gone.close();
        }
    }

    @Test
    void an_unknown_task_id_reads_as_failed() throws Exception {
        TaskSnapshot snapshot = fixture.poll(new ProviderTaskRef(BailianConfig.ID, ModelId.of("wan2.2-t2i-flash"),
                "0385dc79-0000-0000-0000-000000000000"));
        assertEquals(ProviderTaskState.FAILED, snapshot.state());
        assertEquals("UNKNOWN", snapshot.failure().providerCode());
        assertFalse(snapshot.failure().code().retryable());
    }
}
