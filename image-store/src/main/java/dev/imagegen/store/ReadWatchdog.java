package dev.imagegen.store;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a stream once no bytes have come through it for a given time, so that a blocked read ends. One check is
 * scheduled per quiet period (not per read); {@link #progress()} is a volatile write. Thread-safe.
 */
final class ReadWatchdog implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final long limitNanos;
    private final Closeable target;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean fired;
    private boolean closed;
    private ScheduledFuture<?> next;

    private ReadWatchdog(ScheduledExecutorService timer, long limitNanos, Closeable target) {
        this.timer = timer;
        this.limitNanos = limitNanos;
        this.target = target;
    }

    static ReadWatchdog watch(ScheduledExecutorService timer, java.time.Duration limit, Closeable target) {
        ReadWatchdog dog = new ReadWatchdog(timer, limit.toNanos(), target);
        dog.schedule(dog.limitNanos);
        return dog;
    }

    void progress() {
        lastProgress = System.nanoTime();
    }

    /** Whether the stream was closed for want of bytes. */
    boolean fired() {
        return fired;
    }

    private synchronized void schedule(long delayNanos) {
        if (closed) {
            return;
        }
        try {
            next = timer.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            closed = true; // the store is closing; its threads end the read
        }
    }

    private void check() {
        long idle = System.nanoTime() - lastProgress;
        if (idle < limitNanos) {
            schedule(limitNanos - idle);
            return;
        }
        fired = true;
        try {
            target.close();
        } catch (IOException e) {
            // the reader sees the stream fail either way
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
