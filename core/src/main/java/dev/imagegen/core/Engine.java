package dev.imagegen.core;

import dev.imagegen.core.policy.RetryPolicy;
import dev.imagegen.core.routing.Router;
import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.core.task.TaskStore;
import dev.imagegen.spi.ImageStore;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.DoubleSupplier;

/**
 * What every part of the engine shares: its providers, policies, stores, thread and clock, and the tasks it drives.
 * Confined to the engine's thread, except {@link #running}'s size.
 */
final class Engine {

    static final System.Logger LOG = System.getLogger("dev.imagegen.core.Engine");

    final Map<ProviderId, ProviderLane> lanes;
    final Router router;
    final TaskStore store;
    final RetryPolicy retryPolicy;
    final UnknownOutcomePolicy unknownOutcomePolicy;
    final EngineScheduler scheduler;
    final Clock clock;
    final DoubleSupplier jitter;
    final Notifier notifier;
    /** Where result images are copied; null when custody is off. */
    final ImageStore images;
    /** Where the spans of vendor calls and downloads go ({@link Tracing#NONE} for none). */
    final Tracing tracing;
    final Map<TaskId, RunningTask> running = new ConcurrentHashMap<>();
    /** The result of every task asked for and not yet over (running, or being looked up), by id. */
    final Map<TaskId, CompletableFuture<Task>> results = new HashMap<>();
    private Ending ending;
    /** Vendor submits sent and not answered, and saves not confirmed: a closing engine waits for both. */
    private int submitsInFlight;
    private int savesInFlight;
    private CompletableFuture<Void> quiet;

    Engine(Map<ProviderId, ProviderLane> lanes, Router router, TaskStore store, RetryPolicy retryPolicy,
           UnknownOutcomePolicy unknownOutcomePolicy, EngineScheduler scheduler, Clock clock, DoubleSupplier jitter,
           Notifier notifier, ImageStore images, Tracing tracing) {
        this.lanes = lanes;
        this.router = router;
        this.store = store;
        this.retryPolicy = retryPolicy;
        this.unknownOutcomePolicy = unknownOutcomePolicy;
        this.scheduler = scheduler;
        this.clock = clock;
        this.jitter = jitter;
        this.notifier = notifier;
        this.images = images;
        this.tracing = tracing;
    }

    void ending(Ending value) {
        ending = value;
    }

    Instant now() {
        return clock.instant();
    }

    List<ProviderDescriptor> descriptors() {
        return lanes.values().stream().map(lane -> lane.provider.descriptor()).toList();
    }

    /**
     * Saves a task (with its event when {@code event}); the returned stage completes on the engine's thread, after
     * the event went to the listeners.
     */
    CompletionStage<Void> persist(Task task, boolean event) {
        return persist(task, event ? TaskEvent.of(task) : null);
    }

    /**
     * Saves a task with this event (null for none: a change no event reports, such as a submit intent); the returned
     * stage completes on the engine's thread, after the event went to the listeners.
     */
    CompletionStage<Void> persist(Task task, TaskEvent change) {
        CompletableFuture<Void> saved = new CompletableFuture<>();
        savesInFlight++;
        CompletionStage<Void> stage;
        try {
            stage = store.save(task, change);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((ok, error) -> scheduler.execute(() -> {
            savesInFlight--;
            checkQuiet();
            if (error != null) {
                saved.completeExceptionally(error);
                return;
            }
            if (change != null) {
                notifier.event(change);
            }
            saved.complete(null);
        }));
        return saved;
    }

    void submitSent() {
        submitsInFlight++;
    }

    void submitAnswered() {
        submitsInFlight--;
        checkQuiet();
    }

    /** Whether the engine is closing: no new vendor submits start. */
    boolean closing() {
        return quiet != null;
    }

    /** Starts closing; completes once no vendor submit and no save is in flight. */
    CompletableFuture<Void> closeQuietly() {
        if (quiet == null) {
            quiet = new CompletableFuture<>();
            checkQuiet();
        }
        return quiet;
    }

    private void checkQuiet() {
        if (quiet != null && submitsInFlight == 0 && savesInFlight == 0) {
            quiet.complete(null);
        }
    }

    /** Runs {@code step} at {@code at}, as the task's one pending timer. */
    void at(RunningTask rt, Instant at, Runnable step) {
        cancelTimer(rt);
        rt.timer = scheduler.schedule(() -> guarded(rt, step), Duration.between(now(), at));
    }

    /** Like {@link #at}, for a step that must run while the task is being stopped (and only then skipped once over). */
    void atWhileStopping(RunningTask rt, Instant at, Runnable step) {
        cancelTimer(rt);
        rt.timer = scheduler.schedule(() -> guardedAnswer(rt, step), Duration.between(now(), at));
    }

    void cancelTimer(RunningTask rt) {
        if (rt.timer != null) {
            rt.timer.cancel();
            rt.timer = null;
        }
    }

    /** Hands a vendor call's answer to {@code then} on the engine's thread. */
    <T> void whenAnswered(RunningTask rt, CompletionStage<T> call, BiConsumer<T, Throwable> then) {
        call.whenComplete((value, error) -> scheduler.execute(() -> guardedAnswer(rt, () -> then.accept(value, error))));
    }

    /** Runs a step of a task unless the task is over or being stopped; an internal error ends the task FAILED. */
    void guarded(RunningTask rt, Runnable step) {
        if (!rt.idle()) {
            guardedAnswer(rt, step);
        }
    }

    private void guardedAnswer(RunningTask rt, Runnable step) {
        if (rt.done) {
            return;
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "internal error while driving task " + rt.task.id(), e);
            ending.internalError(rt, e);
        }
    }
}
