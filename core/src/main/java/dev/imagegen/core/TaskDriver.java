package dev.imagegen.core;

import dev.imagegen.core.task.Task;
import dev.imagegen.spi.ProviderId;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The engine's entry points: each call from any thread becomes a step on the engine's thread, where the
 * {@link Submitter}, the {@link Poller} and the {@link Ending} drive the task. Thread-safe.
 */
final class TaskDriver {

    private final Engine e;
    private final Submitter submitter;
    private final Poller poller;
    private final Ending ending;
    private final CallbackTokens tokens;

    TaskDriver(Engine engine, byte[] callbackSecret) {
        this.e = engine;
        this.tokens = new CallbackTokens(callbackSecret);
        this.submitter = new Submitter(engine, tokens);
        this.poller = new Poller(engine);
        this.ending = new Ending(engine);
        Custody custody = new Custody(engine);
        engine.ending(ending);
        submitter.wire(poller, ending, custody);
        poller.wire(ending, custody);
        ending.wire(submitter);
        custody.wire(ending);
    }

    CompletableFuture<Task> submit(GenerationRequest request) {
        return once(request.id(), result -> submitter.start(request, result));
    }

    CompletableFuture<Task> resume(Task task) {
        return once(task.id(), result -> submitter.restore(task, result));
    }

    /** Begins driving a task on the engine's thread, unless it is driven already (then its result is shared). */
    private CompletableFuture<Task> once(TaskId id, Consumer<CompletableFuture<Task>> begin) {
        CompletableFuture<Task> mine = new CompletableFuture<>();
        boolean queued = e.scheduler.execute(() -> {
            CompletableFuture<Task> prior = e.results.putIfAbsent(id, mine);
            if (prior != null) {
                prior.whenComplete((task, error) -> {
                    if (error != null) {
                        mine.completeExceptionally(error);
                    } else {
                        mine.complete(task);
                    }
                });
                return;
            }
            try {
                begin.accept(mine);
            } catch (RuntimeException error) {
                Engine.LOG.log(Level.ERROR, "internal error while starting task " + id, error);
                RunningTask rt = e.running.get(id);
                if (rt != null) {
                    ending.internalError(rt, error);
                } else {
                    e.results.remove(id, mine);
                    e.notifier.fail(mine, error);
                }
            }
        });
        if (!queued) {
            mine.completeExceptionally(closed(id));
        }
        return mine;
    }

    CompletionStage<Boolean> cancel(TaskId id, String reason) {
        return onEngine(() -> {
            RunningTask rt = e.running.get(id);
            if (rt == null || rt.idle()) {
                return false;
            }
            ending.stop(rt, new RunningTask.Stop(false, reason));
            return true;
        });
    }

    CompletionStage<Void> release(TaskId id) {
        return onEngine(() -> {
            RunningTask rt = e.running.get(id);
            if (rt != null) {
                ending.abandon(rt, TaskAbandonedException.Reason.RELEASED, null);
            }
            return null;
        });
    }

    CompletionStage<CallbackAnswer> onCallback(ProviderId provider, String token, byte[] body) {
        ProviderLane lane = e.lanes.get(provider);
        Optional<TaskId> task = lane == null ? Optional.empty() : tokens.verify(provider, token);
        if (task.isEmpty()) {
            return CompletableFuture.completedFuture(CallbackAnswer.refused());
        }
        Optional<String> vendorTaskId = lane.provider.callbackTaskId(body);
        TaskId id = task.get();
        return onEngine(() -> {
            RunningTask rt = e.running.get(id);
            if (rt == null || rt.idle() || !provider.equals(rt.lane == null ? null : rt.provider())) {
                return new CallbackAnswer(CallbackAnswer.Verdict.NOT_HERE, id);
            }
            if (vendorTaskId.isEmpty() || rt.task.providerTask() == null
                    || !rt.task.providerTask().taskId().equals(vendorTaskId.get())) {
                return CallbackAnswer.refused();
            }
            poller.soon(rt);
            return new CallbackAnswer(CallbackAnswer.Verdict.POLLED, id);
        });
    }

    int inFlight() {
        return e.running.size();
    }

    /**
     * Stops the engine: no new vendor submits; waits up to {@code grace} for submits and saves in flight (so that a
     * durable store records what the vendors answered); then gives up every task that is not over, whose results
     * complete with {@link TaskAbandonedException} ({@code ENGINE_CLOSED}).
     */
    void close(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        CompletableFuture<CompletableFuture<Void>> closing = onEngine(e::closeQuietly);
        await(closing.thenCompose(quiet -> quiet), deadline);
        await(onEngine(() -> {
            abandonAll();
            return null;
        }), deadline + TimeUnit.SECONDS.toNanos(5));
    }

    private void abandonAll() {
        List<RunningTask> left = new ArrayList<>(e.running.values());
        for (RunningTask rt : left) {
            rt.task.providerTaskIfAny().filter(ref -> !rt.copying).ifPresent(ref -> Engine.LOG.log(Level.WARNING, "vendor task " + ref.taskId()
                    + " of task " + rt.task.id() + " at " + ref.provider() + " is left running: the engine closed "
                    + "before it finished (a durable task store lets the next instance resume it)"));
            ending.abandon(rt, TaskAbandonedException.Reason.ENGINE_CLOSED, null);
        }
        for (TaskId id : new ArrayList<>(e.results.keySet())) {
            e.notifier.fail(e.results.remove(id), closed(id));
        }
        if (!left.isEmpty()) {
            Engine.LOG.log(Level.INFO, "engine closed with " + left.size() + " tasks not finished");
        }
    }

    private <T> CompletableFuture<T> onEngine(java.util.function.Supplier<T> step) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        boolean queued = e.scheduler.execute(() -> {
            try {
                answer.complete(step.get());
            } catch (RuntimeException error) {
                Engine.LOG.log(Level.ERROR, "internal error in the engine", error);
                answer.completeExceptionally(error);
            }
        });
        if (!queued) {
            answer.completeExceptionally(new IllegalStateException("the engine is closed"));
        }
        return answer;
    }

    private static void await(CompletableFuture<?> step, long deadlineNanos) {
        try {
            step.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ignored) {
            // closing goes on: what did not settle in time is given up
        }
    }

    private static TaskAbandonedException closed(TaskId id) {
        return new TaskAbandonedException(id, TaskAbandonedException.Reason.ENGINE_CLOSED, "the engine is closed",
                null);
    }
}
