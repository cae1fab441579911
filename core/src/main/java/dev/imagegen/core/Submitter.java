package dev.imagegen.core;

import dev.imagegen.core.routing.RouteDecision;
import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Submission;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Hands tasks to vendors: route, wait for a slot and the rate gate, record the intent, submit, retry within the
 * budget, fall back before any vendor accepted. Confined to the engine's thread.
 */
final class Submitter {

    private final Engine e;
    private final CallbackTokens tokens;
    private Poller poller;
    private Ending ending;
    private Custody custody;

    Submitter(Engine engine, CallbackTokens tokens) {
        this.e = engine;
        this.tokens = tokens;
    }

    void wire(Poller poller, Ending ending, Custody custody) {
        this.poller = poller;
        this.ending = ending;
        this.custody = custody;
    }

    /** A new request: answered from the store if its id is known, else accepted, routed and queued. */
    void start(GenerationRequest request, CompletableFuture<Task> result) {
        Task existing = e.store.find(request.id()).orElse(null);
        if (existing != null) {
            if (existing.terminal()) {
                ending.answer(existing, result);
            } else {
                restore(existing, result);
            }
            return;
        }
        Task task = Task.accept(request, e.now());
        RouteDecision decision = e.router.route(request, e.descriptors(), Set.of());
        if (decision instanceof RouteDecision.Refused refused) {
            ending.finish(new RunningTask(task, result), task.failed(refused.failure(), e.now()));
            return;
        }
        RunningTask rt = new RunningTask(task, result);
        rt.lane = e.lanes.get(((RouteDecision.To) decision).provider());
        rt.deadline = request.deadline();
        e.running.put(task.id(), rt);
        TaskEvent acceptedEvent = TaskEvent.of(task);
        if (sendsAtOnce(rt)) {
            rt.lane.admit(rt);
            rt.lane.rateGate.reserve(e.now());
            send(rt, acceptedEvent);
        } else {
            saveBeforeVendor(rt, acceptedEvent, () -> enqueue(rt));
        }
    }

    /**
     * Whether a new task can go to its vendor right away: a free slot, the rate gate open, no deadline passed. Then
     * its ACCEPTED event is saved together with the submit intent, one save (and one transaction of a durable store)
     * instead of two before the vendor call.
     */
    private boolean sendsAtOnce(RunningTask rt) {
        return !pastDeadline(rt) && !e.closing() && rt.lane.hasFreeSlot() && rt.lane.rateGate.opensAt(e.now())
                .equals(e.now());
    }

    /**
     * A task from the store that is not over: its images copied if the vendor finished it, else polled if the vendor
     * has it, else submitted per the policy.
     */
    void restore(Task task, CompletableFuture<Task> result) {
        RunningTask rt = new RunningTask(task, result);
        e.running.put(task.id(), rt);
        if (task.copyingImages()) {
            rt.lane = task.provider() == null ? null : e.lanes.get(task.provider());
            custody.resume(rt);
            return;
        }
        if (task.providerTask() != null) {
            rt.lane = e.lanes.get(task.providerTask().provider());
            if (rt.lane == null) {
                ending.finish(rt, task.failed(new ProviderFailure(ErrorCode.PROVIDER_UNAVAILABLE, null, "provider '"
                        + task.providerTask().provider() + "' of task " + task.id() + " is not configured"), e.now()));
                return;
            }
            rt.lane.occupy(rt);
            rt.callback = rt.lane.provider.descriptor().callbackBase() != null;
            rt.deadline = rt.lane.pollPolicy.deadline(task.submittedAt(), task.request().deadline());
            rt.polls = Math.max(1, task.polls());
            e.at(rt, e.now(), () -> poller.pollNow(rt));
            return;
        }
        if (task.submitInDoubt() && e.unknownOutcomePolicy == UnknownOutcomePolicy.FAIL) {
            ending.finish(rt, task.submitFailed(ErrorCode.OUTCOME_UNKNOWN, e.now()).failed(new ProviderFailure(
                    ErrorCode.OUTCOME_UNKNOWN, null, "a submit to " + task.provider() + " may or may not have reached"
                    + " the vendor (the process stopped before its answer was recorded); policy forbids sending it"
                    + " again"), e.now()));
            return;
        }
        rt.task = task.submitInDoubt() ? task.submitFailed(ErrorCode.OUTCOME_UNKNOWN, e.now()) : task;
        rt.deadline = task.request().deadline();
        reroute(rt, null);
    }

    /** Takes a slot with the task's provider and sends it when the rate gate allows, or queues it. */
    void enqueue(RunningTask rt) {
        if (pastDeadline(rt)) {
            ending.stop(rt, new RunningTask.Stop(true, null));
            return;
        }
        if (rt.lane.admit(rt)) {
            e.at(rt, rt.lane.rateGate.reserve(e.now()), () -> send(rt, null));
        } else if (rt.deadline != null) {
            e.at(rt, rt.deadline, () -> ending.stop(rt, new RunningTask.Stop(true, null)));
        }
    }

    /** A queued task got its provider's slot. */
    void slotFreed(RunningTask next) {
        e.at(next, next.lane.rateGate.reserve(e.now()), () -> send(next, null));
    }

    /**
     * Records the intent (with the task's ACCEPTED event, when not saved yet), then calls the vendor; a deadline
     * passing meanwhile is acted on when it answers.
     */
    private void send(RunningTask rt, TaskEvent acceptedEvent) {
        if (pastDeadline(rt)) {
            ending.stop(rt, new RunningTask.Stop(true, null));
            return;
        }
        if (e.closing()) {
            return;
        }
        rt.task = rt.task.submitting(rt.provider(), e.now());
        URI callbackUrl = tokens.urlFor(rt);
        rt.callback = callbackUrl != null;
        ProviderRequest request = ProviderRequests.forProvider(rt.task.request(), rt.provider(), callbackUrl);
        saveBeforeVendor(rt, acceptedEvent, () -> {
            if (e.closing()) {
                return;
            }
            rt.submitInFlight = true;
            e.submitSent();
            if (rt.deadline != null) {
                e.at(rt, rt.deadline, () -> ending.stop(rt, new RunningTask.Stop(true, null)));
            }
            e.whenAnswered(rt, TracedCall.run(e, rt, Tracing.SUBMIT, () -> rt.lane.provider.submit(request),
                    TracedCall.noAnswerFailure()), (submission, error) -> answered(rt, submission, error));
        });
    }

    private void answered(RunningTask rt, Submission submission, Throwable error) {
        rt.submitInFlight = false;
        e.submitAnswered();
        e.cancelTimer(rt);
        if (rt.stop != null) {
            ending.afterSubmit(rt, submission, error);
        } else if (error == null && submission instanceof Submission.Completed completed) {
            rt.task = rt.task.costed(completed.cost());
            custody.vendorSucceeded(rt, completed.images(), completed.warnings());
        } else if (error == null && submission instanceof Submission.Accepted accepted) {
            accepted(rt, accepted);
        } else {
            failed(rt, Ending.providerFailure(rt, error, ErrorCode.OUTCOME_UNKNOWN));
        }
    }

    void accepted(RunningTask rt, Submission.Accepted accepted) {
        rt.task = rt.task.submitted(accepted.task(), accepted.price(), e.now());
        rt.hint = accepted.hint();
        rt.retries = 0;
        rt.polls = 0;
        rt.deadline = rt.lane.pollPolicy.deadline(rt.task.submittedAt(), rt.task.request().deadline());
        e.persist(rt.task, true);
        poller.schedule(rt);
    }

    private void failed(RunningTask rt, ProviderException error) {
        ErrorCode code = error.code();
        boolean resubmitUnknown = code == ErrorCode.OUTCOME_UNKNOWN
                && e.unknownOutcomePolicy == UnknownOutcomePolicy.RESUBMIT && rt.retries < e.retryPolicy.maxRetries();
        Duration wait = resubmitUnknown ? e.retryPolicy.baseDelay()
                : e.retryPolicy.delay(rt.retries, code, error.retryAfter(), e.jitter.getAsDouble()).orElse(null);
        rt.task = rt.task.submitFailed(code, e.now());
        if (wait != null && (rt.deadline == null || e.now().plus(wait).isBefore(rt.deadline))) {
            rt.retries++;
            e.persist(rt.task, false);
            e.at(rt, e.now().plus(wait), () -> e.at(rt, rt.lane.rateGate.reserve(e.now()), () -> send(rt, null)));
        } else if (code.fallbackAllowed() && rt.task.request().provider() == null) {
            rt.tried.add(rt.provider());
            e.persist(rt.task, false);
            reroute(rt, error.toFailure());
        } else {
            ending.finish(rt, rt.task.failed(error.toFailure(), e.now()));
        }
    }

    /** Routes again (excluding tried providers) and queues the task there; fails it with {@code last} if none. */
    private void reroute(RunningTask rt, ProviderFailure last) {
        RouteDecision decision = e.router.route(rt.task.request(), e.descriptors(), rt.tried);
        if (decision instanceof RouteDecision.To to) {
            ending.leaveLane(rt);
            rt.lane = e.lanes.get(to.provider());
            rt.retries = 0;
            enqueue(rt);
        } else {
            ending.finish(rt, rt.task.failed(last != null ? last : ((RouteDecision.Refused) decision).failure(),
                    e.now()));
        }
    }

    /**
     * Saves a task before any vendor call and then takes {@code next}. A failed save is tried again within the retry
     * budget; past it the task is given up with no vendor called (never OUTCOME_UNKNOWN: no vendor has it).
     */
    private void saveBeforeVendor(RunningTask rt, TaskEvent event, Runnable next) {
        e.persist(rt.task, event).whenComplete((ok, error) -> {
            if (rt.idle()) {
                return;
            }
            if (error == null) {
                rt.saveRetries = 0;
                e.guarded(rt, next);
                return;
            }
            Optional<Duration> wait = e.retryPolicy.delay(rt.saveRetries, ErrorCode.PROVIDER_UNAVAILABLE,
                    Optional.empty(), e.jitter.getAsDouble());
            if (wait.isEmpty()) {
                Engine.LOG.log(Level.ERROR, "the task store failed to save task " + rt.task.id() + " before any vendor"
                        + " call; the task is given up and no vendor was called", error);
                ending.abandon(rt, TaskAbandonedException.Reason.STORE_FAILED, error);
                return;
            }
            rt.saveRetries++;
            e.at(rt, e.now().plus(wait.get()), () -> saveBeforeVendor(rt, event, next));
        });
    }

    private boolean pastDeadline(RunningTask rt) {
        return rt.deadline != null && !e.now().isBefore(rt.deadline);
    }
}
