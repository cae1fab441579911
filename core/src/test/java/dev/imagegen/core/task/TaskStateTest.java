package dev.imagegen.core.task;

import static dev.imagegen.core.task.TaskState.ACCEPTED;
import static dev.imagegen.core.task.TaskState.CANCELLED;
import static dev.imagegen.core.task.TaskState.FAILED;
import static dev.imagegen.core.task.TaskState.RUNNING;
import static dev.imagegen.core.task.TaskState.SUBMITTED;
import static dev.imagegen.core.task.TaskState.SUCCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transition table of DESIGN.md section 3, written out here independently of {@link TaskState#next()}:
 * ACCEPTED → SUBMITTED → RUNNING → SUCCEEDED | FAILED | CANCELLED, a vendor may finish a task before it reports
 * RUNNING, and a synchronous vendor (or a refusal, or a cancel) ends a task straight from ACCEPTED.
 */
class TaskStateTest {

    private static final List<String> LEGAL = List.of(
            "ACCEPTED -> SUBMITTED",
            "ACCEPTED -> SUCCEEDED",
            "ACCEPTED -> FAILED",
            "ACCEPTED -> CANCELLED",
            "SUBMITTED -> RUNNING",
            "SUBMITTED -> SUCCEEDED",
            "SUBMITTED -> FAILED",
            "SUBMITTED -> CANCELLED",
            "RUNNING -> SUCCEEDED",
            "RUNNING -> FAILED",
            "RUNNING -> CANCELLED");

    static Stream<Arguments> everyOrderedPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (TaskState from : TaskState.values()) {
            for (TaskState to : TaskState.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyOrderedPair")
    void allows_exactly_the_legal_transitions(TaskState from, TaskState to) {
        assertEquals(LEGAL.contains(from + " -> " + to), from.canMoveTo(to));
    }

    @Test
    void tries_all_thirty_six_pairs_and_finds_eleven_legal() {
        assertEquals(36, everyOrderedPair().count());
        assertEquals(11, everyOrderedPair()
                .filter(a -> ((TaskState) a.get()[0]).canMoveTo((TaskState) a.get()[1])).count());
    }

    @ParameterizedTest
    @EnumSource(value = TaskState.class, names = {"SUCCEEDED", "FAILED", "CANCELLED"})
    void terminal_states_are_final(TaskState terminal) {
        assertTrue(terminal.terminal());
        assertEquals(Set.of(), terminal.next());
        for (TaskState to : TaskState.values()) {
            assertFalse(terminal.canMoveTo(to), terminal + " -> " + to);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TaskState.class, names = {"ACCEPTED", "SUBMITTED", "RUNNING"})
    void non_terminal_states_can_always_end(TaskState state) {
        assertFalse(state.terminal());
        assertTrue(state.next().containsAll(EnumSet.of(SUCCEEDED, FAILED, CANCELLED)));
    }

    @Test
    void no_state_moves_to_itself_or_back() {
        for (TaskState from : TaskState.values()) {
            assertFalse(from.canMoveTo(from), from.name());
            for (TaskState to : TaskState.values()) {
                if (to.ordinal() < from.ordinal()) {
                    assertFalse(from.canMoveTo(to), from + " -> " + to);
                }
            }
        }
    }

    @Test
    void the_happy_path_of_a_polled_vendor_is_legal() {
        assertTrue(ACCEPTED.canMoveTo(SUBMITTED));
        assertTrue(SUBMITTED.canMoveTo(RUNNING));
        assertTrue(RUNNING.canMoveTo(SUCCEEDED));
    }

    @Test
    void a_synchronous_vendor_goes_from_accepted_to_succeeded() {
        assertTrue(ACCEPTED.canMoveTo(SUCCEEDED));
        assertFalse(ACCEPTED.canMoveTo(RUNNING));
    }
}
