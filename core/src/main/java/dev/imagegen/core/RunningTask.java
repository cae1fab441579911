package dev.imagegen.core;

import dev.imagegen.core.task.Task;
import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.ProviderId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * What the driver knows about a task it is driving, beyond the task itself. Confined to the scheduler thread,
 * except {@link #task}, which other threads may read.
 */
final class RunningTask {

    volatile Task task;
    final CompletableFuture<Task> result;
    final Set<ProviderId> tried = new HashSet<>();
    ProviderLane lane;
    Instant deadline;
    PollHint hint = PollHint.NONE;
    int retries;
    int polls;
    boolean holdsSlot;
    boolean pollInFlight;
    boolean pollRequested;
    boolean done;
    String callbackToken;
    ScheduledFuture<?> timer;

    RunningTask(Task task, CompletableFuture<Task> result) {
        this.task = task;
        this.result = result;
        this.polls = task.polls();
    }

    ProviderId provider() {
        return lane.provider.descriptor().id();
    }
}
