package dev.imagegen.core;

import java.lang.System.Logger.Level;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs what it is given one at a time and in order, on a shared executor, holding a thread only while it has work.
 * A slow piece of work delays only the work behind it in the same lane. Thread-safe.
 */
final class SerialLane {

    private static final System.Logger LOG = System.getLogger(SerialLane.class.getName());

    private final Executor executor;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    SerialLane(Executor executor) {
        this.executor = executor;
    }

    void run(Runnable work) {
        queue.add(work);
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                LOG.log(Level.DEBUG, "a notification arrived after the engine closed; dropped");
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable work;
            while ((work = queue.poll()) != null) {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a task listener or result callback failed", e);
                }
            }
            draining.set(false);
            if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
