package dev.imagegen.core;

import dev.imagegen.core.policy.RetryPolicy;
import dev.imagegen.core.routing.RouteDecision;
import dev.imagegen.core.routing.Router;
import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.core.task.TaskState;
import dev.imagegen.core.task.TaskStore;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Drives tasks through their states: route, submit (with retries and fallback), poll on the provider's cadence,
 * finish. Every step runs on one scheduler thread, so a task's runtime state needs no locks; vendor calls are
 * asynchronous and hop back onto that thread when they complete. No thread per task, no sleeping.
 */
final class TaskDriver {

    private static final System.Logger LOG = System.getLogger(TaskDriver.class.getName());
    private static final SecureRandom TOKENS = new SecureRandom();

    private final Map<ProviderId, ProviderLane> lanes;
    private final Router router;
    private final TaskStore store;
    private final List<TaskListener> listeners;
    private final RetryPolicy retryPolicy;
    private final UnknownOutcomePolicy unknownOutcomePolicy;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final Map<TaskId, RunningTask> running = new ConcurrentHashMap<>();
    private final Map<TaskId, CompletableFuture<Task>> results = new ConcurrentHashMap<>();
    private final Map<String, RunningTask> callbackTokens = new ConcurrentHashMap<>();

    TaskDriver(Map<ProviderId, ProviderLane> lanes, Router router, TaskStore store, List<TaskListener> listeners,
               RetryPolicy retryPolicy, UnknownOutcomePolicy unknownOutcomePolicy,
               ScheduledExecutorService scheduler, Clock clock, DoubleSupplier jitter) {
        this.lanes = lanes;
        this.router = router;
        this.store = store;
        this.listeners = List.copyOf(listeners);
        this.retryPolicy = retryPolicy;
        this.unknownOutcomePolicy = unknownOutcomePolicy;
        this.scheduler = scheduler;
        this.clock = clock;
        this.jitter = jitter;
    }

    // ---- entry points (any thread) ----

    CompletableFuture<Task> submit(GenerationRequest request) {
        return once(request.id(), result -> start(request, result));
    }

    CompletableFuture<Task> resume(Task task) {
        return once(task.id(), result -> restore(task, result));
    }

    /** Begins driving a task on the scheduler, unless it is driven already (then its result is returned). */
    private CompletableFuture<Task> once(TaskId id, Consumer<CompletableFuture<Task>> begin) {
        CompletableFuture<Task> mine = new CompletableFuture<>();
        CompletableFuture<Task> prior = results.putIfAbsent(id, mine);
        if (prior != null) {
            return prior;
        }
        scheduler.execute(() -> {
            try {
                begin.accept(mine);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "internal error while starting task " + id, e);
                results.remove(id, mine);
                mine.completeExceptionally(e);
            }
        });
        return mine;
    }

    CompletableFuture<Boolean> cancel(TaskId id) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        scheduler.execute(() -> {
            RunningTask rt = running.get(id);
            if (rt == null || rt.done) {
                answer.complete(false);
                return;
            }
            rt.task.providerTaskIfAny().ifPresent(ref -> rt.lane.provider.cancel(ref));
            finish(rt, rt.task.cancelled(now()));
            answer.complete(true);
        });
        return answer;
    }

    CompletableFuture<Void> release(TaskId id) {
        return CompletableFuture.runAsync(() -> {
            RunningTask rt = running.remove(id);
            if (rt != null) {
                stop(rt);
                rt.result.cancel(false);
            }
            results.remove(id);
        }, scheduler);
    }

    boolean onCallback(ProviderId provider, String token, byte[] body) {
        RunningTask rt = callbackTokens.get(token);
        if (rt == null || !rt.provider().equals(provider)) {
            return false;
        }
        String vendorTaskId = rt.lane.provider.callbackTaskId(body).orElse(null);
        boolean matches = rt.task.providerTaskIfAny().map(ref -> ref.taskId().equals(vendorTaskId)).orElse(false);
        if (matches) {
            scheduler.execute(() -> guarded(rt, () -> pollSoon(rt)));
        }
        return matches;
    }

    int inFlight() {
        return running.size();
    }

    // ---- the flow (scheduler thread) ----

    private void start(GenerationRequest request, CompletableFuture<Task> result) {
        Task existing = store.find(request.id()).orElse(null);
        if (existing != null) {
            if (existing.terminal()) {
                complete(existing, result);
            } else {
                restore(existing, result);
            }
            return;
        }
        Task task = Task.accept(request, now());
        RouteDecision decision = router.route(request, descriptors(), Set.of());
        if (decision instanceof RouteDecision.Refused refused) {
            persistTerminal(task.failed(refused.failure(), now()), result);
            return;
        }
        RunningTask rt = new RunningTask(task, result);
        rt.lane = lanes.get(((RouteDecision.To) decision).provider());
        rt.deadline = request.deadline();
        running.put(task.id(), rt);
        persist(task, true).thenRunAsync(() -> guarded(rt, () -> enqueue(rt)), scheduler)
                .exceptionally(error -> storeFailed(rt, error));
    }

    private void restore(Task task, CompletableFuture<Task> result) {
        RunningTask rt = new RunningTask(task, result);
        running.put(task.id(), rt);
        if (task.providerTask() != null) {
            rt.lane = lanes.get(task.providerTask().provider());
            if (rt.lane == null) {
                finish(rt, task.failed(new ProviderFailure(ErrorCode.PROVIDER_UNAVAILABLE, null, "provider '"
                        + task.providerTask().provider() + "' of task " + task.id() + " is not configured"), now()));
                return;
            }
            rt.lane.occupy(rt);
            rt.deadline = rt.lane.pollPolicy.deadline(task.submittedAt(), task.request().deadline());
            rt.polls = Math.max(1, task.polls());
            at(rt, now(), () -> pollNow(rt));
            return;
        }
        if (task.submitInDoubt() && unknownOutcomePolicy == UnknownOutcomePolicy.FAIL) {
            finish(rt, task.submitFailed(ErrorCode.OUTCOME_UNKNOWN, now()).failed(new ProviderFailure(
                    ErrorCode.OUTCOME_UNKNOWN, null, "a submit to " + task.provider() + " may or may not have reached"
                    + " the vendor (the process stopped before its answer was recorded); policy forbids sending it"
                    + " again"), now()));
            return;
        }
        Task fresh = task.submitInDoubt() ? task.submitFailed(ErrorCode.OUTCOME_UNKNOWN, now()) : task;
        rt.task = fresh;
        rt.deadline = task.request().deadline();
        reroute(rt, null);
    }

    private void enqueue(RunningTask rt) {
        if (rt.deadline != null && !now().isBefore(rt.deadline)) {
            timeout(rt);
            return;
        }
        if (rt.lane.admit(rt)) {
            at(rt, rt.lane.rateGate.reserve(now()), () -> sendSubmit(rt));
        } else if (rt.deadline != null) {
            at(rt, rt.deadline, () -> timeout(rt));
        }
    }

    private void sendSubmit(RunningTask rt) {
        if (rt.deadline != null && !now().isBefore(rt.deadline)) {
            timeout(rt);
            return;
        }
        rt.task = rt.task.submitting(rt.provider(), now());
        URI callbackUrl = callbackUrl(rt);
        ProviderRequest request = ProviderRequests.forProvider(rt.task.request(), rt.provider(), callbackUrl);
        persist(rt.task, false)
                .thenComposeAsync(ignored -> rt.done ? CompletableFuture.<Submission>completedFuture(null)
                        : rt.lane.provider.submit(request), scheduler)
                .whenCompleteAsync((submission, error) -> guarded(rt, () -> onSubmitted(rt, submission, error)),
                        scheduler);
    }

    private void onSubmitted(RunningTask rt, Submission submission, Throwable error) {
        if (rt.done) {
            return;
        }
        if (error == null && submission instanceof Submission.Completed completed) {
            finish(rt, rt.task.succeeded(completed.images(), completed.warnings(), now()));
        } else if (error == null && submission instanceof Submission.Accepted accepted) {
            rt.task = rt.task.submitted(accepted.task(), now());
            rt.hint = accepted.hint();
            rt.retries = 0;
            rt.polls = 0;
            rt.deadline = rt.lane.pollPolicy.deadline(rt.task.submittedAt(), rt.task.request().deadline());
            persist(rt.task, true);
            schedulePoll(rt);
        } else {
            onSubmitFailed(rt, providerFailure(rt, error, ErrorCode.OUTCOME_UNKNOWN));
        }
    }

    private void onSubmitFailed(RunningTask rt, ProviderException e) {
        ErrorCode code = e.code();
        boolean resubmitUnknown = code == ErrorCode.OUTCOME_UNKNOWN
                && unknownOutcomePolicy == UnknownOutcomePolicy.RESUBMIT && rt.retries < retryPolicy.maxRetries();
        Duration wait = resubmitUnknown ? retryPolicy.baseDelay()
                : retryPolicy.delay(rt.retries, code, e.retryAfter(), jitter.getAsDouble()).orElse(null);
        rt.task = rt.task.submitFailed(code, now());
        if (wait != null && (rt.deadline == null || now().plus(wait).isBefore(rt.deadline))) {
            rt.retries++;
            persist(rt.task, false);
            at(rt, now().plus(wait), () -> at(rt, rt.lane.rateGate.reserve(now()), () -> sendSubmit(rt)));
        } else if (code.fallbackAllowed() && rt.task.request().provider() == null) {
            rt.tried.add(rt.provider());
            persist(rt.task, false);
            reroute(rt, e.toFailure());
        } else {
            finish(rt, rt.task.failed(e.toFailure(), now()));
        }
    }

    /** Routes again (excluding tried providers) and queues the task there; fails it with {@code last} if none. */
    private void reroute(RunningTask rt, ProviderFailure last) {
        RouteDecision decision = router.route(rt.task.request(), descriptors(), rt.tried);
        if (decision instanceof RouteDecision.To to) {
            ProviderLane previous = rt.lane;
            rt.lane = lanes.get(to.provider());
            rt.retries = 0;
            if (previous != null) {
                startNext(previous.leave(rt));
            }
            enqueue(rt);
        } else {
            finish(rt, rt.task.failed(last != null ? last : ((RouteDecision.Refused) decision).failure(), now()));
        }
    }

    private void schedulePoll(RunningTask rt) {
        Duration delay = rt.callbackToken != null
                ? rt.lane.pollPolicy.safetyNetDelay(rt.polls, rt.hint, jitter.getAsDouble())
                : rt.lane.pollPolicy.delay(rt.polls, rt.hint, jitter.getAsDouble());
        Instant at = now().plus(delay);
        at(rt, at.isAfter(rt.deadline) ? rt.deadline : at, () -> pollNow(rt));
    }

    private void pollSoon(RunningTask rt) {
        if (rt.done || rt.task.providerTask() == null) {
            return;
        }
        if (rt.pollInFlight) {
            rt.pollRequested = true;
        } else {
            at(rt, now(), () -> pollNow(rt));
        }
    }

    private void pollNow(RunningTask rt) {
        if (!now().isBefore(rt.deadline)) {
            timeout(rt);
            return;
        }
        Instant slot = rt.lane.rateGate.reserve(now());
        if (slot.isAfter(now())) {
            at(rt, slot, () -> sendPoll(rt));
        } else {
            sendPoll(rt);
        }
    }

    private void sendPoll(RunningTask rt) {
        rt.pollInFlight = true;
        rt.pollRequested = false;
        rt.lane.provider.poll(rt.task.providerTask())
                .whenCompleteAsync((snapshot, error) -> guarded(rt, () -> onPolled(rt, snapshot, error)), scheduler);
    }

    private void onPolled(RunningTask rt, TaskSnapshot snapshot, Throwable error) {
        rt.pollInFlight = false;
        if (rt.done) {
            return;
        }
        rt.polls++;
        rt.task = rt.task.polled(now());
        if (error != null) {
            ProviderException e = providerFailure(rt, error, ErrorCode.PROVIDER_UNAVAILABLE);
            if (!e.code().retryable()) {
                finish(rt, rt.task.failed(e.toFailure(), now()));
                return;
            }
            // The vendor has the task and goes on with it (and bills it) whatever its status endpoint says now: keep
            // asking until the deadline, backing off by the retry policy, then at the cadence's longest interval
            // (or the vendor's Retry-After, if longer). A vendor that stays away ends the task with TIMEOUT.
            Duration longest = rt.lane.pollPolicy.settings().pollMaxInterval();
            Duration wait = retryPolicy.delay(rt.retries, e.code(), e.retryAfter(), jitter.getAsDouble())
                    .orElseGet(() -> e.retryAfter().filter(r -> r.compareTo(longest) > 0).orElse(longest));
            rt.retries++;
            Instant at = now().plus(wait);
            at(rt, at.isAfter(rt.deadline) ? rt.deadline : at, () -> pollNow(rt));
            return;
        }
        rt.retries = 0;
        rt.hint = snapshot.hint();
        switch (snapshot.state()) {
            case SUCCEEDED -> finish(rt, rt.task.succeeded(snapshot.images(), snapshot.warnings(), now()));
            case FAILED -> finish(rt, rt.task.failed(snapshot.failure(), now()));
            case RUNNING, QUEUED, UNKNOWN -> {
                if (snapshot.state() == ProviderTaskState.RUNNING
                        && rt.task.state() == TaskState.SUBMITTED) {
                    rt.task = rt.task.running(now());
                    persist(rt.task, true);
                }
                if (rt.pollRequested) {
                    pollSoon(rt);
                } else {
                    schedulePoll(rt);
                }
            }
        }
    }

    private void timeout(RunningTask rt) {
        if (rt.done) {
            return;
        }
        rt.task.providerTaskIfAny().ifPresent(ref -> rt.lane.provider.cancel(ref));
        String why = rt.task.providerTask() == null ? "not submitted before the deadline " + rt.deadline
                : "not finished by " + rt.deadline + " (the request's deadline or the provider's task timeout)";
        finish(rt, rt.task.failed(new ProviderFailure(ErrorCode.TIMEOUT, null, why), now()));
    }

    private void finish(RunningTask rt, Task terminal) {
        rt.task = terminal;
        stop(rt);
        running.remove(terminal.id());
        persistTerminal(terminal, rt.result);
    }

    /** Saves a terminal task with its event, then completes its result (exceptionally if the store failed). */
    private void persistTerminal(Task terminal, CompletableFuture<Task> result) {
        persist(terminal, true).whenComplete((done, error) -> {
            if (error != null) {
                results.remove(terminal.id(), result);
                result.completeExceptionally(error);
            } else {
                complete(terminal, result);
            }
        });
    }

    /** Stops driving a task: its timer, its slot, its callback token. */
    private void stop(RunningTask rt) {
        rt.done = true;
        if (rt.timer != null) {
            rt.timer.cancel(false);
        }
        if (rt.callbackToken != null) {
            callbackTokens.remove(rt.callbackToken);
        }
        if (rt.lane != null) {
            startNext(rt.lane.leave(rt));
        }
    }

    private void startNext(RunningTask next) {
        if (next != null) {
            if (next.timer != null) {
                next.timer.cancel(false);
            }
            at(next, next.lane.rateGate.reserve(now()), () -> sendSubmit(next));
        }
    }

    private void complete(Task terminal, CompletableFuture<Task> result) {
        results.remove(terminal.id(), result);
        result.complete(terminal);
    }

    // ---- helpers ----

    private CompletionStage<Void> persist(Task task, boolean stateChanged) {
        TaskEvent event = stateChanged ? TaskEvent.of(task) : null;
        return store.save(task, event).thenRun(() -> {
            if (event != null) {
                for (TaskListener listener : listeners) {
                    try {
                        listener.onEvent(event);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "task listener failed on " + event.taskId(), e);
                    }
                }
            }
        });
    }

    private Void storeFailed(RunningTask rt, Throwable error) {
        LOG.log(Level.ERROR, "task store failed for task " + rt.task.id() + "; the task is dropped", error);
        running.remove(rt.task.id());
        results.remove(rt.task.id());
        rt.result.completeExceptionally(error);
        return null;
    }

    /** Runs {@code step} at {@code at} on the scheduler, as the task's one pending timer. */
    private void at(RunningTask rt, Instant at, Runnable step) {
        if (rt.timer != null) {
            rt.timer.cancel(false);
        }
        long delayMs = Math.max(0, Duration.between(now(), at).toMillis());
        rt.timer = scheduler.schedule(() -> guarded(rt, step), delayMs, TimeUnit.MILLISECONDS);
    }

    private void guarded(RunningTask rt, Runnable step) {
        if (rt != null && rt.done) {
            return;
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "internal error while driving task " + (rt == null ? "?" : rt.task.id()), e);
            if (rt != null && !rt.done) {
                finish(rt, rt.task.failed(new ProviderFailure(ErrorCode.GENERATION_FAILED, null,
                        "internal error: " + e.getClass().getSimpleName()), now()));
            }
        }
    }

    private ProviderException providerFailure(RunningTask rt, Throwable error, ErrorCode unexpected) {
        return ProviderException.find(error).orElseGet(() -> {
            LOG.log(Level.WARNING, "provider " + rt.provider() + " failed unexpectedly on task " + rt.task.id(), error);
            return new ProviderException(unexpected, null, "provider " + rt.provider() + " failed unexpectedly: "
                    + error.getClass().getSimpleName(), null, error);
        });
    }

    private URI callbackUrl(RunningTask rt) {
        URI base = rt.lane.provider.descriptor().callbackBase();
        if (base == null) {
            return null;
        }
        if (rt.callbackToken == null) {
            byte[] random = new byte[18];
            TOKENS.nextBytes(random);
            rt.callbackToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            callbackTokens.put(rt.callbackToken, rt);
        }
        return URI.create(base + CallbackRoutes.path(rt.provider(), rt.callbackToken));
    }

    List<ProviderDescriptor> descriptors() {
        return lanes.values().stream().map(lane -> lane.provider.descriptor()).toList();
    }

    Map<ProviderId, ImageProvider> providers() {
        Map<ProviderId, ImageProvider> byId = new LinkedHashMap<>();
        lanes.forEach((id, lane) -> byId.put(id, lane.provider));
        return byId;
    }

    private Instant now() {
        return clock.instant();
    }
}
