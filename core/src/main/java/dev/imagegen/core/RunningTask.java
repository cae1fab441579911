package dev.imagegen.core;

import dev.imagegen.core.task.Task;
import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.ProviderId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** What the engine knows about a task it drives, beyond the task itself. Confined to the engine's thread. */
final class RunningTask {

    /** A cancel or a timeout, waiting for a submit in flight to answer before it is carried out. */
    record Stop(boolean timeout, String reason) {
    }

    Task task;
    final CompletableFuture<Task> result;
    final Set<ProviderId> tried = new HashSet<>();
    ProviderLane lane;
    Instant deadline;
    PollHint hint = PollHint.NONE;
    int retries;
    int saveRetries;
    int polls;
    boolean holdsSlot;
    boolean submitInFlight;
    boolean pollInFlight;
    boolean pollRequested;
    /** A stop asked for while a submit was in flight. */
    Stop stop;
    /** The vendor is being asked to cancel; nothing else happens to the task meanwhile. */
    boolean stopping;
    /** The vendor finished the task and its images are being copied; nothing else happens to it meanwhile. */
    boolean copying;
    boolean done;
    /** Whether the vendor was given a callback URL for this task (its polls only back the callback up). */
    boolean callback;
    EngineScheduler.Timer timer;

    RunningTask(Task task, CompletableFuture<Task> result) {
        this.task = task;
        this.result = result;
        this.polls = task.polls();
    }

    ProviderId provider() {
        return lane.id;
    }

    /** Whether steps other than the stop in progress may still act on the task. */
    boolean idle() {
        return done || stopping || copying;
    }
}
