package dev.imagegen.core;

import dev.imagegen.core.task.TaskState;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.TaskSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Follows tasks a vendor accepted: status calls on the provider's cadence (or as a callback's safety net), one at a
 * time per task, within the rate gate, until the vendor says the task is over or its deadline passes. Confined to
 * the engine's thread.
 */
final class Poller {

    private final Engine e;
    private Ending ending;
    private Custody custody;

    Poller(Engine engine) {
        this.e = engine;
    }

    void wire(Ending ending, Custody custody) {
        this.ending = ending;
        this.custody = custody;
    }

    /** Schedules the next status call by the cadence, never past the deadline. */
    void schedule(RunningTask rt) {
        Duration delay = rt.callback
                ? rt.lane.pollPolicy.safetyNetDelay(rt.polls, rt.hint, e.jitter.getAsDouble())
                : rt.lane.pollPolicy.delay(rt.polls, rt.hint, e.jitter.getAsDouble());
        scheduleIn(rt, delay);
    }

    /** A callback came: a status call now (or right after the one in flight). */
    void soon(RunningTask rt) {
        if (rt.idle() || rt.task.providerTask() == null) {
            return;
        }
        if (rt.pollInFlight) {
            rt.pollRequested = true;
        } else {
            e.at(rt, e.now(), () -> pollNow(rt));
        }
    }

    void pollNow(RunningTask rt) {
        if (!e.now().isBefore(rt.deadline)) {
            ending.stop(rt, new RunningTask.Stop(true, null));
            return;
        }
        Instant slot = rt.lane.rateGate.reserve(e.now());
        if (slot.isAfter(e.now())) {
            e.at(rt, slot, () -> send(rt));
        } else {
            send(rt);
        }
    }

    private void send(RunningTask rt) {
        rt.pollInFlight = true;
        rt.pollRequested = false;
        CompletionStage<TaskSnapshot> call = TracedCall.run(e, rt, Tracing.STATUS,
                () -> rt.lane.provider.poll(rt.task.providerTask()), TracedCall::snapshotFailure);
        e.whenAnswered(rt, call, (snapshot, error) -> answered(rt, snapshot, error));
    }

    private void answered(RunningTask rt, TaskSnapshot snapshot, Throwable error) {
        rt.pollInFlight = false;
        if (rt.stopping) {
            return;
        }
        rt.polls++;
        rt.task = rt.task.polled(e.now());
        if (error != null) {
            failed(rt, Ending.providerFailure(rt, error, ErrorCode.PROVIDER_UNAVAILABLE));
            return;
        }
        rt.retries = 0;
        rt.hint = snapshot.hint();
        switch (snapshot.state()) {
            case SUCCEEDED -> {
                rt.task = rt.task.costed(snapshot.cost());
                custody.vendorSucceeded(rt, snapshot.images(), snapshot.warnings());
            }
            case FAILED -> ending.finish(rt, rt.task.failed(snapshot.failure(), e.now()).costed(snapshot.cost()));
            case RUNNING, QUEUED, UNKNOWN -> {
                progressed(rt, snapshot);
                if (rt.pollRequested) {
                    soon(rt);
                } else {
                    schedule(rt);
                }
            }
        }
    }

    /** RUNNING once the vendor says so, and one event per new progress value (at most one per status call). */
    private void progressed(RunningTask rt, TaskSnapshot snapshot) {
        boolean changed = false;
        if (snapshot.state() == ProviderTaskState.RUNNING && rt.task.state() == TaskState.SUBMITTED) {
            rt.task = rt.task.running(e.now());
            changed = true;
        }
        Integer progress = snapshot.progress();
        if (progress != null && !progress.equals(rt.task.progress()) && rt.task.state() == TaskState.RUNNING) {
            rt.task = rt.task.progressed(progress, e.now());
            changed = true;
        }
        if (changed) {
            e.persist(rt.task, true);
        }
    }

    /**
     * The vendor has the task and goes on with it (and bills it) whatever its status endpoint says now: a failure
     * that may pass is asked again until the deadline, backing off by the retry policy, then at the cadence's longest
     * interval (or the vendor's Retry-After, if longer). A status call refused for good ends the task.
     */
    private void failed(RunningTask rt, ProviderException error) {
        if (!error.code().retryable()) {
            ending.finish(rt, rt.task.failed(error.toFailure(), e.now()));
            return;
        }
        Duration longest = rt.lane.pollPolicy.settings().pollMaxInterval();
        Duration wait = e.retryPolicy.delay(rt.retries, error.code(), error.retryAfter(), e.jitter.getAsDouble())
                .orElseGet(() -> error.retryAfter().filter(r -> r.compareTo(longest) > 0).orElse(longest));
        rt.retries++;
        scheduleIn(rt, wait);
    }

    private void scheduleIn(RunningTask rt, Duration delay) {
        Instant at = e.now().plus(delay);
        e.at(rt, at.isAfter(rt.deadline) ? rt.deadline : at, () -> pollNow(rt));
    }
}
