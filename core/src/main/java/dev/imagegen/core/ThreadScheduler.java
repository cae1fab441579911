package dev.imagegen.core;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** The engine's thread: a single-threaded scheduled executor whose cancelled timers leave its queue at once. */
final class ThreadScheduler implements EngineScheduler {

    private static final System.Logger LOG = System.getLogger(ThreadScheduler.class.getName());

    private final ScheduledThreadPoolExecutor executor;

    ThreadScheduler(ThreadFactory threads) {
        executor = new ScheduledThreadPoolExecutor(1, threads);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Daemon threads named {@code imagegen-engine}. */
    static ThreadFactory defaultThreads() {
        return r -> {
            Thread t = new Thread(r, "imagegen-engine");
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public boolean execute(Runnable step) {
        try {
            executor.execute(step);
            return true;
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "a step arrived after the engine closed; dropped");
            return false;
        }
    }

    @Override
    public Timer schedule(Runnable step, Duration delay) {
        try {
            ScheduledFuture<?> future = executor.schedule(step, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
    }

    @Override
    public void shutdown(Duration wait) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
