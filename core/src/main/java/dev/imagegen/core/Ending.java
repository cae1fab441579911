package dev.imagegen.core;

import dev.imagegen.core.task.Task;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Submission;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Ends tasks: finishing them with their outcome, stopping them (a cancel or a timeout; the vendor is asked to cancel
 * its task where it can, and a vendor task that may still run is logged), and giving them up. Confined to the
 * engine's thread.
 */
final class Ending {

    /** How long a vendor's answer to a cancel is waited for before it counts as {@link CancelOutcome#FAILED}. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

    private final Engine e;
    private Submitter submitter;

    Ending(Engine engine) {
        this.e = engine;
    }

    void wire(Submitter submitter) {
        this.submitter = submitter;
    }

    /**
     * Stops a task that is not over: a cancel, or its deadline. While a submit is in flight the stop waits for the
     * vendor's answer, so that a task the vendor accepts meanwhile is cancelled there too.
     */
    void stop(RunningTask rt, RunningTask.Stop stop) {
        if (rt.idle()) {
            return;
        }
        if (rt.submitInFlight) {
            if (rt.stop == null || !stop.timeout()) {
                rt.stop = stop;
            }
            e.cancelTimer(rt);
            return;
        }
        ProviderTaskRef ref = rt.task.providerTask();
        if (ref == null) {
            finish(rt, stopped(rt, stop, null, List.of()));
            return;
        }
        cancelAtVendor(rt, ref, stop);
    }

    /** The answer to a submit that was in flight when a stop came. */
    void afterSubmit(RunningTask rt, Submission submission, Throwable error) {
        RunningTask.Stop stop = rt.stop;
        if (error == null && submission instanceof Submission.Accepted accepted) {
            rt.task = rt.task.submitted(accepted.task(), e.now());
            cancelAtVendor(rt, accepted.task(), stop);
        } else if (error == null) {
            finish(rt, stopped(rt, stop, CancelOutcome.TOO_LATE, ((Submission.Completed) submission).images()));
        } else {
            ProviderException failure = providerFailure(rt, error, ErrorCode.OUTCOME_UNKNOWN);
            if (failure.code() == ErrorCode.OUTCOME_UNKNOWN) {
                Engine.LOG.log(Level.WARNING, "task " + rt.task.id() + " was stopped while its submit to "
                        + rt.provider() + " was in flight, and that submit's outcome is unknown: a vendor task may "
                        + "exist that nobody follows and that the vendor bills");
            }
            rt.task = rt.task.submitFailed(failure.code(), e.now());
            finish(rt, stopped(rt, stop, null, List.of()));
        }
    }

    private void cancelAtVendor(RunningTask rt, ProviderTaskRef ref, RunningTask.Stop stop) {
        rt.stopping = true;
        e.cancelTimer(rt);
        CompletionStage<CancelOutcome> call = TracedCall.run(e, rt, Tracing.CANCEL, () -> rt.lane.provider.cancel(ref),
                outcome -> outcome == CancelOutcome.FAILED ? CancelOutcome.FAILED.name() : null);
        e.atWhileStopping(rt, e.now().plus(CANCEL_WAIT), () -> cancelled(rt, ref, stop, CancelOutcome.FAILED));
        e.whenAnswered(rt, call, (outcome, error) -> cancelled(rt, ref, stop,
                error == null && outcome != null ? outcome : CancelOutcome.FAILED));
    }

    private void cancelled(RunningTask rt, ProviderTaskRef ref, RunningTask.Stop stop, CancelOutcome outcome) {
        if (rt.done) {
            return;
        }
        if (outcome.mayStillRun()) {
            Engine.LOG.log(Level.WARNING, "vendor task " + ref.taskId() + " of task " + rt.task.id() + " at "
                    + ref.provider() + " may still run and be billed: cancel " + outcome + " ("
                    + (stop.timeout() ? "timeout" : "cancelled") + ")");
        }
        finish(rt, stopped(rt, stop, outcome, List.of()));
    }

    private Task stopped(RunningTask rt, RunningTask.Stop stop, CancelOutcome outcome,
                         List<?> imagesMadeAnyway) {
        Task task = rt.task;
        if (!imagesMadeAnyway.isEmpty()) {
            Engine.LOG.log(Level.INFO, "task " + task.id() + " was stopped while " + rt.provider() + " made its "
                    + imagesMadeAnyway.size() + " images; they are not delivered");
        }
        if (!stop.timeout()) {
            return task.cancelled(stop.reason(), outcome, e.now());
        }
        String why = task.providerTask() == null ? "not submitted before the deadline " + rt.deadline
                : "not finished by " + rt.deadline + " (the request's deadline or the provider's task timeout)";
        return task.failed(new ProviderFailure(ErrorCode.TIMEOUT, null, why), outcome, e.now());
    }

    /** Ends a task with its terminal state: stops driving it, saves it with its event, then answers its result. */
    void finish(RunningTask rt, Task terminal) {
        rt.task = terminal;
        release(rt);
        e.persist(terminal, true).whenComplete((ok, error) -> {
            e.results.remove(terminal.id(), rt.result);
            if (error != null) {
                e.notifier.fail(rt.result, new TaskAbandonedException(terminal.id(),
                        TaskAbandonedException.Reason.STORE_FAILED, "the task store failed to save the end of task "
                        + terminal.id(), error));
            } else {
                e.notifier.complete(rt.result, terminal);
            }
        });
    }

    /** Answers a result with a task that was over already. */
    void answer(Task terminal, CompletableFuture<Task> result) {
        e.results.remove(terminal.id(), result);
        e.notifier.complete(result, terminal);
    }

    /** Stops driving a task without ending it (closed, released, or a store that fails); its result says why. */
    void abandon(RunningTask rt, TaskAbandonedException.Reason reason, Throwable cause) {
        release(rt);
        e.results.remove(rt.task.id(), rt.result);
        e.notifier.fail(rt.result, new TaskAbandonedException(rt.task.id(), reason, "task " + rt.task.id()
                + " was not finished here: " + reason, cause));
    }

    /** Gives back the task's provider slot (starting the next waiting task) or its place in the queue. */
    void leaveLane(RunningTask rt) {
        if (rt.lane != null) {
            RunningTask next = rt.lane.leave(rt);
            if (next != null) {
                submitter.slotFreed(next);
            }
        }
    }

    void internalError(RunningTask rt, RuntimeException error) {
        if (rt.task.terminal()) {
            return;
        }
        finish(rt, rt.task.failed(new ProviderFailure(ErrorCode.GENERATION_FAILED, null,
                "internal error: " + error.getClass().getSimpleName()), e.now()));
    }

    private void release(RunningTask rt) {
        rt.done = true;
        e.cancelTimer(rt);
        leaveLane(rt);
        e.running.remove(rt.task.id(), rt);
    }

    /** The provider's failure in an error, or an unexpected one (logged) with the given code. */
    static ProviderException providerFailure(RunningTask rt, Throwable error, ErrorCode unexpected) {
        return ProviderException.find(error).orElseGet(() -> {
            Engine.LOG.log(Level.WARNING, "provider " + rt.provider() + " failed unexpectedly on task "
                    + rt.task.id(), error);
            return new ProviderException(unexpected, null, "provider " + rt.provider() + " failed unexpectedly: "
                    + error.getClass().getSimpleName(), null, error);
        });
    }
}
