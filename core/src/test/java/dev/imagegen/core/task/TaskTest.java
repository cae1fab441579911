package dev.imagegen.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.Requests;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderTaskRef;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant T2 = T0.plusSeconds(2);
    private static final Instant T3 = T0.plusSeconds(3);
    private static final ProviderId XENODIA = ProviderId.of("xenodia");
    private static final ProviderId APIXO = ProviderId.of("apixo");
    private static final ProviderTaskRef APIXO_TASK =
            new ProviderTaskRef(APIXO, ModelId.of("nano-banana-pro"), "task_12345678");
    private static final GeneratedImage IMAGE =
            new GeneratedImage(URI.create("https://r2.apixo.ai/image.png"), T3.plusSeconds(86_400));
    private static final ProviderFailure FAILURE =
            new ProviderFailure(ErrorCode.CONTENT_VIOLATION, "CONTENT_VIOLATION", "refused");

    private static Task accepted() {
        return Task.accept(Requests.aRequest("nano-banana-pro").metadata(Map.of("tenant", "acme")).build(), T0);
    }

    private static Task submittedToApixo() {
        return accepted().submitting(APIXO, T1).submitted(APIXO_TASK, T2);
    }

    private static Task running() {
        return submittedToApixo().running(T3);
    }

    @Test
    void a_new_task_is_accepted_with_nothing_happened_yet() {
        Task task = accepted();

        assertEquals(TaskState.ACCEPTED, task.state());
        assertEquals(T0, task.createdAt());
        assertEquals(T0, task.updatedAt());
        assertNull(task.provider());
        assertEquals(List.of(), task.attempts());
        assertEquals(Optional.empty(), task.providerTaskIfAny());
        assertFalse(task.submitInDoubt());
        assertEquals(0, task.polls());
        assertEquals("task-1", task.id().value());
    }

    @Test
    void recording_a_submit_intent_names_the_provider_and_puts_the_submit_in_doubt() {
        Task task = accepted().submitting(XENODIA, T1);

        assertEquals(TaskState.ACCEPTED, task.state());
        assertEquals(XENODIA, task.provider());
        assertEquals(T1, task.submitIntentAt());
        assertEquals(T1, task.updatedAt());
        assertTrue(task.submitInDoubt());
        assertEquals(List.of(), task.attempts());
    }

    @Test
    void a_failed_submit_records_the_attempt_clears_the_intent_and_stays_accepted() {
        Task task = accepted().submitting(XENODIA, T1).submitFailed(ErrorCode.RATE_LIMITED, T2);

        assertEquals(TaskState.ACCEPTED, task.state());
        assertEquals(List.of(new Attempt(XENODIA, "RATE_LIMITED")), task.attempts());
        assertNull(task.submitIntentAt());
        assertFalse(task.submitInDoubt());
        assertEquals(T2, task.updatedAt());
    }

    @Test
    void an_accepted_submit_records_the_vendor_task_and_the_attempt() {
        Task task = submittedToApixo();

        assertEquals(TaskState.SUBMITTED, task.state());
        assertEquals(APIXO, task.provider());
        assertEquals(Optional.of(APIXO_TASK), task.providerTaskIfAny());
        assertEquals(List.of(Attempt.accepted(APIXO)), task.attempts());
        assertEquals(T2, task.submittedAt());
        assertNull(task.submitIntentAt());
    }

    @Test
    void a_fallback_lists_every_attempt_in_order() {
        Task task = accepted()
                .submitting(XENODIA, T1).submitFailed(ErrorCode.RATE_LIMITED, T1)
                .submitting(APIXO, T2).submitted(APIXO_TASK, T2);

        assertEquals(List.of(new Attempt(XENODIA, "RATE_LIMITED"), new Attempt(APIXO, "ACCEPTED")), task.attempts());
    }

    @Test
    void running_keeps_the_vendor_task() {
        Task task = running();

        assertEquals(TaskState.RUNNING, task.state());
        assertEquals(APIXO_TASK, task.providerTask());
        assertEquals(T2, task.submittedAt());
        assertEquals(T3, task.updatedAt());
    }

    @Test
    void a_status_call_is_counted_without_changing_the_state() {
        Task task = running().polled(T3).polled(T3);

        assertEquals(2, task.polls());
        assertEquals(TaskState.RUNNING, task.state());
    }

    @Test
    void success_after_polling_carries_the_images_and_adds_no_attempt() {
        Task task = running().succeeded(List.of(IMAGE), List.of("1 of 2 images failed"), T3);

        assertEquals(TaskState.SUCCEEDED, task.state());
        assertEquals(List.of(IMAGE), task.images());
        assertEquals(List.of("1 of 2 images failed"), task.warnings());
        assertEquals(List.of(Attempt.accepted(APIXO)), task.attempts());
        assertEquals(Optional.empty(), task.failureIfAny());
        assertTrue(task.terminal());
    }

    @Test
    void a_synchronous_success_from_accepted_records_the_accepting_attempt_and_clears_the_intent() {
        Task task = accepted().submitting(XENODIA, T1).succeeded(List.of(IMAGE), List.of(), T2);

        assertEquals(TaskState.SUCCEEDED, task.state());
        assertEquals(List.of(Attempt.accepted(XENODIA)), task.attempts());
        assertNull(task.submitIntentAt());
        assertNull(task.providerTask());
    }

    @Test
    void a_success_without_images_is_refused() {
        Task task = running();

        assertThrows(IllegalArgumentException.class, () -> task.succeeded(List.of(), List.of(), T3));
    }

    @Test
    void failure_carries_the_reason_and_no_images() {
        Task task = running().failed(FAILURE, T3);

        assertEquals(TaskState.FAILED, task.state());
        assertEquals(Optional.of(FAILURE), task.failureIfAny());
        assertEquals(List.of(), task.images());
        assertEquals(APIXO_TASK, task.providerTask());
    }

    @Test
    void failing_an_accepted_task_in_doubt_clears_the_intent() {
        Task task = accepted().submitting(XENODIA, T1)
                .failed(new ProviderFailure(ErrorCode.OUTCOME_UNKNOWN, null, "crashed after sending"), T2);

        assertEquals(TaskState.FAILED, task.state());
        assertFalse(task.submitInDoubt());
        assertNull(task.submitIntentAt());
    }

    @Test
    void a_failure_needs_a_reason() {
        assertThrows(NullPointerException.class, () -> running().failed(null, T3));
    }

    @Test
    void cancelling_ends_the_task_without_images_or_failure() {
        Task task = running().cancelled(null, null, T3);

        assertEquals(TaskState.CANCELLED, task.state());
        assertEquals(List.of(), task.images());
        assertNull(task.failure());
        assertTrue(task.terminal());
    }

    @Test
    void transitions_leave_the_original_task_unchanged() {
        Task before = submittedToApixo();

        before.running(T3);

        assertEquals(TaskState.SUBMITTED, before.state());
    }

    @Test
    void running_before_a_vendor_accepted_is_illegal() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> accepted().running(T1));

        assertTrue(e.getMessage().contains("ACCEPTED -> RUNNING"), e.getMessage());
        assertTrue(e.getMessage().contains("task-1"), e.getMessage());
    }

    @Test
    void submitting_again_after_a_vendor_accepted_is_illegal() {
        assertThrows(IllegalStateException.class, () -> submittedToApixo().submitting(XENODIA, T3));
        assertThrows(IllegalStateException.class, () -> submittedToApixo().submitFailed(ErrorCode.TIMEOUT, T3));
        assertThrows(IllegalStateException.class, () -> running().submitted(APIXO_TASK, T3));
        assertThrows(IllegalStateException.class, () -> running().running(T3));
    }

    @Test
    void every_transition_out_of_a_terminal_state_is_illegal() {
        List<Task> terminals = List.of(running().succeeded(List.of(IMAGE), List.of(), T3),
                running().failed(FAILURE, T3), running().cancelled(null, null, T3));
        List<Function<Task, Task>> moves = List.of(
                t -> t.submitting(XENODIA, T3),
                t -> t.submitFailed(ErrorCode.RATE_LIMITED, T3),
                t -> t.submitted(APIXO_TASK, T3),
                t -> t.running(T3),
                t -> t.succeeded(List.of(IMAGE), List.of(), T3),
                t -> t.failed(FAILURE, T3),
                t -> t.cancelled(null, null, T3));
        for (Task terminal : terminals) {
            for (Function<Task, Task> move : moves) {
                assertThrows(IllegalStateException.class, () -> move.apply(terminal), terminal.state().name());
            }
        }
    }

    @Test
    void the_event_reports_the_state_the_task_entered() {
        Task task = running().succeeded(List.of(IMAGE), List.of("w"), T3);

        TaskEvent event = TaskEvent.of(task);

        assertEquals(task.id(), event.taskId());
        assertEquals(TaskState.SUCCEEDED, event.status());
        assertTrue(event.terminal());
        assertEquals(APIXO, event.provider());
        assertEquals(ModelId.of("nano-banana-pro"), event.model());
        assertEquals("task_12345678", event.providerTaskId());
        assertEquals(List.of(IMAGE), event.images());
        assertEquals(List.of("w"), event.warnings());
        assertEquals(List.of(Attempt.accepted(APIXO)), event.attempts());
        assertEquals(T3, event.occurredAt());
        assertEquals(Map.of("tenant", "acme"), event.metadata());
    }

    @Test
    void the_event_of_a_task_without_vendor_task_has_no_provider_task_id() {
        TaskEvent event = TaskEvent.of(accepted());

        assertNull(event.providerTaskId());
        assertNull(event.provider());
        assertFalse(event.terminal());
    }
}
