package dev.imagegen.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Engines for tests: in virtual time, on the test's thread. */
final class Engines {

    private Engines() {
    }

    /** A builder whose engine runs in {@code time}, with notifications on the thread that runs the engine. */
    static ImageGeneration.Builder virtual(ManualScheduler time) {
        return ImageGeneration.builder().scheduler(time).clock(time.clock).notificationExecutor(Runnable::run)
                .jitter(() -> 0.5).closeTimeout(Duration.ofSeconds(30));
    }

    /** Closes an engine that runs in virtual time: its steps run here while close() waits on another thread. */
    static void closeInVirtualTime(ImageGeneration engine, ManualScheduler time) {
        CompletableFuture<Void> closed = CompletableFuture.runAsync(engine::close);
        while (!closed.isDone()) {
            time.runUntilIdle();
            Thread.onSpinWait();
        }
        closed.join();
    }
}
