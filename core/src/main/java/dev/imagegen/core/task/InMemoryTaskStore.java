package dev.imagegen.core.task;

import dev.imagegen.core.TaskId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tasks in memory, durable for the life of the process, and bounded: a finished task is kept (it answers a repeated
 * submit of its id with the same outcome) for {@code retention} after it finished, and only the newest
 * {@code maxFinished} finished tasks are kept; the oldest go first. Unfinished tasks are always kept. Thread-safe.
 */
public final class InMemoryTaskStore implements TaskStore {

    /** How long a finished task is kept by default: the worker's {@code IMAGEGEN_DEDUP_RETENTION} default. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    /** How many finished tasks are kept at most by default (about 10 to 20 MB of tasks without inline bytes). */
    public static final int DEFAULT_MAX_FINISHED = 10_000;

    /** A task as saved; {@code finishedAt} is when a terminal task was saved, else null. */
    private record Entry(Task task, Instant finishedAt) {
    }

    private final ConcurrentMap<TaskId, Entry> tasks = new ConcurrentHashMap<>();
    private final Deque<Entry> finished = new ArrayDeque<>();
    private final Duration retention;
    private final int maxFinished;
    private final Clock clock;

    /** A store with the default retention and cap. */
    public InMemoryTaskStore() {
        this(DEFAULT_RETENTION, DEFAULT_MAX_FINISHED, Clock.systemUTC());
    }

    /**
     * @param retention   how long a finished task is kept, positive
     * @param maxFinished how many finished tasks are kept at most, 0 or more
     * @param clock       the time finished tasks age by
     */
    public InMemoryTaskStore(Duration retention, int maxFinished, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
        if (maxFinished < 0) {
            throw new IllegalArgumentException("maxFinished must be 0 or more, got " + maxFinished);
        }
        this.retention = retention;
        this.maxFinished = maxFinished;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletionStage<Void> save(Task task, TaskEvent event) {
        Entry entry = new Entry(task, task.terminal() ? clock.instant() : null);
        tasks.put(task.id(), entry);
        if (task.terminal()) {
            synchronized (finished) {
                finished.addLast(entry);
                evict();
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Optional<Task> find(TaskId id) {
        Entry entry = tasks.get(id);
        if (entry == null || entry.finishedAt() != null && !entry.finishedAt().isAfter(oldestKept())) {
            return Optional.empty();
        }
        return Optional.of(entry.task());
    }

    @Override
    public List<Task> unfinished() {
        return tasks.values().stream().map(Entry::task).filter(t -> !t.terminal()).toList();
    }

    /** Drops every finished task now; returns how many. */
    public int forgetFinished() {
        synchronized (finished) {
            int count = 0;
            while (!finished.isEmpty()) {
                count += forget(finished.pollFirst());
            }
            return count;
        }
    }

    /** Tasks held now, finished ones included. */
    public int size() {
        synchronized (finished) {
            evict();
        }
        return tasks.size();
    }

    private Instant oldestKept() {
        return clock.instant().minus(retention);
    }

    private void evict() {
        Instant oldest = oldestKept();
        while (!finished.isEmpty()
                && (finished.size() > maxFinished || !finished.peekFirst().finishedAt().isAfter(oldest))) {
            forget(finished.pollFirst());
        }
    }

    private int forget(Entry entry) {
        return tasks.remove(entry.task().id(), entry) ? 1 : 0;
    }
}
