package dev.imagegen.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * The engine's thread in virtual time, for tests: steps and timers run only when the test says so, on the test's
 * thread, and time moves only when the test moves it. Steps handed over from other threads (a vendor answering
 * later) are queued safely and run at the next {@link #runUntilIdle()}.
 */
final class ManualScheduler implements EngineScheduler {

    private record Due(Instant at, long order, Runnable step, boolean[] cancelled) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    private final ConcurrentLinkedQueue<Runnable> ready = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Due> timers = new PriorityQueue<>();
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long order;
    private volatile boolean shutdown;

    /** A clock that reads this scheduler's virtual time. */
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    Instant now() {
        return now;
    }

    @Override
    public boolean execute(Runnable step) {
        if (shutdown) {
            return false;
        }
        ready.add(step);
        return true;
    }

    @Override
    public synchronized Timer schedule(Runnable step, Duration delay) {
        boolean[] cancelled = {false};
        Instant at = now.plus(delay.isNegative() ? Duration.ZERO : delay);
        timers.add(new Due(at, order++, step, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public void shutdown(Duration wait) {
        shutdown = true;
        ready.clear();
        synchronized (this) {
            timers.clear();
        }
    }

    /** Runs every step that is ready, and every timer due now, until none is left. */
    void runUntilIdle() {
        while (true) {
            Runnable step = ready.poll();
            if (step == null) {
                step = nextDue(now);
            }
            if (step == null) {
                return;
            }
            step.run();
        }
    }

    /** Moves time forward by {@code by}, running each timer at its time and everything it makes ready. */
    void advance(Duration by) {
        Instant end = now.plus(by);
        runUntilIdle();
        while (true) {
            Instant next = nextTimerAt();
            if (next == null || next.isAfter(end)) {
                break;
            }
            now = next.isAfter(now) ? next : now;
            runUntilIdle();
        }
        now = end;
        runUntilIdle();
    }

    /** Moves time forward, timer by timer, until {@code condition} holds; fails past {@code limit}. */
    void advanceUntil(BooleanSupplier condition, Duration limit) {
        Instant end = now.plus(limit);
        runUntilIdle();
        while (!condition.getAsBoolean()) {
            Instant next = nextTimerAt();
            if (next == null || next.isAfter(end)) {
                throw new AssertionError("the condition did not hold within " + limit + " of virtual time");
            }
            now = next.isAfter(now) ? next : now;
            runUntilIdle();
        }
    }

    /** Timers that are pending and not cancelled. */
    synchronized int pendingTimers() {
        return (int) timers.stream().filter(d -> !d.cancelled()[0]).count();
    }

    private synchronized Runnable nextDue(Instant time) {
        while (!timers.isEmpty()) {
            Due head = timers.peek();
            if (head.cancelled()[0]) {
                timers.poll();
                continue;
            }
            if (head.at().isAfter(time)) {
                return null;
            }
            return timers.poll().step();
        }
        return null;
    }

    private synchronized Instant nextTimerAt() {
        while (!timers.isEmpty() && timers.peek().cancelled()[0]) {
            timers.poll();
        }
        return timers.isEmpty() ? null : timers.peek().at();
    }
}
