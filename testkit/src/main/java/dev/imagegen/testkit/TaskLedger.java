package dev.imagegen.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a simulator remembers about each task it accepted, for load runs: when the task was created, when it
 * finishes by itself, and when its status was asked. Thread-safe; a few dozen bytes per task plus 8 per status
 * call. Times are wall-clock epoch milliseconds, comparable with {@link System#currentTimeMillis()} of any process on
 * the same machine.
 */
public final class TaskLedger {

    /** A task that never ends by itself (pinned to a state) finishes at this time. */
    public static final long NEVER = -1;

    /**
     * One task.
     *
     * @param taskId         the vendor's task id
     * @param createdMillis  when the simulator created it
     * @param finishesMillis when it turns terminal, or {@link #NEVER}
     * @param statusCalls    when its status was asked, in order
     */
    public record TaskTrace(String taskId, long createdMillis, long finishesMillis, List<Long> statusCalls) {

        public TaskTrace {
            statusCalls = List.copyOf(statusCalls);
        }
    }

    private static final class Entry {
        final long created;
        final long finishes;
        long[] calls = new long[4];
        int count;

        Entry(long created, long finishes) {
            this.created = created;
            this.finishes = finishes;
        }

        synchronized void asked(long at) {
            if (count == calls.length) {
                calls = Arrays.copyOf(calls, count * 2);
            }
            calls[count++] = at;
        }

        synchronized TaskTrace trace(String taskId) {
            return new TaskTrace(taskId, created, finishes, Arrays.stream(calls, 0, count).boxed().toList());
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** Records a new task. */
    public void created(String taskId, long createdMillis, long finishesMillis) {
        entries.put(taskId, new Entry(createdMillis, finishesMillis));
    }

    /** Records a status call for a task; calls for unknown ids are not recorded. */
    public void statusAsked(String taskId, long atMillis) {
        Entry entry = entries.get(taskId);
        if (entry != null) {
            entry.asked(atMillis);
        }
    }

    /** One task's trace, if the simulator created it. */
    public Optional<TaskTrace> trace(String taskId) {
        return Optional.ofNullable(entries.get(taskId)).map(e -> e.trace(taskId));
    }

    /** Every task recorded so far, in no particular order. */
    public List<TaskTrace> traces() {
        List<TaskTrace> out = new ArrayList<>(entries.size());
        entries.forEach((id, e) -> out.add(e.trace(id)));
        return out;
    }
}
