package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskSnapshotTest {

    private static final GeneratedImage IMAGE = new GeneratedImage(URI.create("https://cdn.example/a.png"), null);
    private static final ProviderFailure FAILURE =
            new ProviderFailure(ErrorCode.CONTENT_VIOLATION, "content_policy_violation", "refused");

    @Test
    void a_success_carries_images_and_no_failure() {
        TaskSnapshot s = TaskSnapshot.succeeded("success", List.of(IMAGE), List.of("1 of 2 images failed"));

        assertEquals(ProviderTaskState.SUCCEEDED, s.state());
        assertEquals(List.of(IMAGE), s.images());
        assertEquals(Optional.empty(), s.failureIfAny());
        assertEquals(100, s.progress());
    }

    @Test
    void a_success_without_images_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> TaskSnapshot.succeeded("success", List.of(), List.of()));
    }

    @Test
    void a_success_with_a_failure_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new TaskSnapshot(ProviderTaskState.SUCCEEDED, "success",
                List.of(IMAGE), FAILURE, List.of(), null, null));
    }

    @Test
    void a_failure_carries_its_reason_and_no_images() {
        TaskSnapshot s = TaskSnapshot.failed("fail", FAILURE);

        assertEquals(ProviderTaskState.FAILED, s.state());
        assertEquals(Optional.of(FAILURE), s.failureIfAny());
        assertEquals(List.of(), s.images());
    }

    @Test
    void a_failure_without_a_reason_or_with_images_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> TaskSnapshot.failed("fail", null));
        assertThrows(IllegalArgumentException.class, () -> new TaskSnapshot(ProviderTaskState.FAILED, "fail",
                List.of(IMAGE), FAILURE, List.of(), null, null));
    }

    @ParameterizedTest
    @EnumSource(value = ProviderTaskState.class, names = {"QUEUED", "RUNNING", "UNKNOWN"})
    void a_pending_state_carries_neither_images_nor_failure(ProviderTaskState state) {
        assertThrows(IllegalArgumentException.class,
                () -> new TaskSnapshot(state, "x", List.of(IMAGE), null, List.of(), null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new TaskSnapshot(state, "x", List.of(), FAILURE, List.of(), null, null));
        assertEquals(state, TaskSnapshot.pending(state, "x", 40, PollHint.NONE).state());
    }

    @Test
    void progress_is_a_percentage() {
        assertEquals(0, TaskSnapshot.pending(ProviderTaskState.RUNNING, "generating", 0, null).progress());
        assertThrows(IllegalArgumentException.class,
                () -> TaskSnapshot.pending(ProviderTaskState.RUNNING, "generating", 101, null));
        assertThrows(IllegalArgumentException.class,
                () -> TaskSnapshot.pending(ProviderTaskState.RUNNING, "generating", -1, null));
    }

    @Test
    void a_missing_hint_means_none() {
        assertEquals(PollHint.NONE, TaskSnapshot.pending(ProviderTaskState.QUEUED, "waiting", null, null).hint());
    }

    @Test
    void only_succeeded_and_failed_are_terminal() {
        for (ProviderTaskState state : ProviderTaskState.values()) {
            assertEquals(state == ProviderTaskState.SUCCEEDED || state == ProviderTaskState.FAILED, state.terminal(),
                    state.name());
        }
    }

    @Test
    void poll_hints_are_never_negative() {
        assertThrows(IllegalArgumentException.class, () -> PollHint.retryAfter(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> PollHint.eta(Duration.ofSeconds(-1)));
        assertEquals(Optional.of(Duration.ofSeconds(2)), PollHint.retryAfter(Duration.ofSeconds(2)).retryAfterIfKnown());
    }

    @Test
    void a_failure_without_a_message_is_named_by_its_code() {
        assertEquals("TIMEOUT", new ProviderFailure(ErrorCode.TIMEOUT, null, " ").message());
    }

    @Test
    void only_a_finished_snapshot_carries_a_cost() {
        Cost cost = Cost.ofMicros(240_000, "USDC", "vendor billing");

        assertEquals(cost, TaskSnapshot.succeeded("success", List.of(IMAGE), List.of()).withCost(cost).cost());
        assertEquals(cost, TaskSnapshot.failed("fail", FAILURE).withCost(cost).costIfKnown().orElseThrow());
        assertEquals(Optional.empty(), TaskSnapshot.succeeded("success", List.of(IMAGE), List.of()).costIfKnown());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskSnapshot.pending(ProviderTaskState.RUNNING, "generating", 50, null).withCost(cost));
        assertTrue(e.getMessage().contains("no cost"), e.getMessage());
    }
}
