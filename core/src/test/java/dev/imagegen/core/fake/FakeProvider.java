package dev.imagegen.core.fake;

import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSettings;
import dev.imagegen.spi.TaskSnapshot;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable provider for the core's tests: each submit follows the next scripted {@link Script} (or the default:
 * a task that is QUEUED, then RUNNING, then SUCCEEDED), and status calls walk the task's states one per call.
 * Thread-safe; fast (millisecond cadence).
 */
public final class FakeProvider implements ImageProvider {

    /** What one submit does. */
    public sealed interface Script {
        /** Answers with images at once. */
        record Sync() implements Script {
        }

        /** Accepts a task whose status calls return these states in turn (the last one repeats). */
        record Task(List<TaskSnapshot> states) implements Script {
        }

        /** Fails the submit. */
        record Fail(ProviderException error) implements Script {
        }

        /** Never answers the submit (until {@link #releaseHeldSubmits()}). */
        record Hold() implements Script {
        }
    }

    public static final TaskSettings FAST = new TaskSettings(Duration.ofMillis(10), Duration.ofMillis(10),
            Duration.ofMillis(40), Duration.ofSeconds(10), 100, 10_000);

    private final ProviderId id;
    private final List<ModelOffer> models;
    private final TaskSettings settings;
    private final URI callbackBase;
    private final Deque<Script> scripts = new ArrayDeque<>();
    private final Map<String, Deque<TaskSnapshot>> tasks = new ConcurrentHashMap<>();
    private final List<ProviderRequest> submitted = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Submission>> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger taskNumbers = new AtomicInteger();
    private final Deque<ProviderException> pollFailures = new ArrayDeque<>();
    private volatile Runnable beforeSubmit = () -> { };
    private volatile CancelOutcome cancelAnswer = CancelOutcome.NOT_SUPPORTED;
    private volatile Cost price;
    private final List<String> cancelled = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public FakeProvider(String id, TaskSettings settings, URI callbackBase, String... models) {
        this.id = ProviderId.of(id);
        this.models = Arrays.stream(models).map(model -> FixtureModels.offer(id, model)).toList();
        this.settings = settings;
        this.callbackBase = callbackBase;
    }

    public FakeProvider(String id, String... models) {
        this(id, FAST, null, models);
    }

    public static TaskSnapshot queued() {
        return TaskSnapshot.pending(ProviderTaskState.QUEUED, "queued", null, PollHint.NONE);
    }

    public static TaskSnapshot running() {
        return running(50);
    }

    public static TaskSnapshot running(Integer progress) {
        return TaskSnapshot.pending(ProviderTaskState.RUNNING, "running", progress, PollHint.NONE);
    }

    public static TaskSnapshot succeeded() {
        return TaskSnapshot.succeeded("done", List.of(image()), List.of());
    }

    public static TaskSnapshot failed(ErrorCode code, String vendorCode) {
        return TaskSnapshot.failed("failed", new ProviderFailure(code, vendorCode, "vendor says " + vendorCode));
    }

    public static GeneratedImage image() {
        return new GeneratedImage(URI.create("https://images.example/1.png"), null);
    }

    public FakeProvider then(Script script) {
        synchronized (scripts) {
            scripts.addLast(script);
        }
        return this;
    }

    public FakeProvider thenTask(TaskSnapshot... states) {
        return then(new Script.Task(List.of(states)));
    }

    public FakeProvider thenFail(ErrorCode code) {
        return then(new Script.Fail(new ProviderException(code, "E" + code.ordinal(), code + " from " + id)));
    }

    /** The next status calls fail with these, in turn. */
    public FakeProvider failPolls(ProviderException... errors) {
        synchronized (pollFailures) {
            pollFailures.addAll(List.of(errors));
        }
        return this;
    }

    /** Runs before each submit is answered (to observe what was saved first). */
    public void beforeSubmit(Runnable hook) {
        beforeSubmit = hook;
    }

    /** Makes a vendor task known, as if it had been submitted before a restart. */
    public void knowTask(String taskId, TaskSnapshot... states) {
        tasks.put(taskId, new ArrayDeque<>(List.of(states)));
    }

    public List<ProviderRequest> submitted() {
        return submitted;
    }

    public int polls() {
        return polls.get();
    }

    public boolean closed() {
        return closed;
    }

    public void releaseHeldSubmits() {
        held.forEach(f -> f.complete(new Submission.Completed(List.of(image()), List.of())));
    }

    /** Answers the held submits: the vendor accepted each as a task that then stays QUEUED. */
    public void acceptHeldSubmits() {
        for (CompletableFuture<Submission> f : held) {
            String taskId = id + "-task-" + taskNumbers.incrementAndGet();
            tasks.put(taskId, new ArrayDeque<>(List.of(queued())));
            f.complete(new Submission.Accepted(new ProviderTaskRef(id, dev.imagegen.spi.ModelId.of(
                    models.get(0).model().value()), taskId), PollHint.NONE));
        }
    }

    /** The price submits answer from now on: an accepted task's price, a synchronous answer's cost (null: none). */
    public FakeProvider pricedAt(Cost value) {
        price = value;
        return this;
    }

    /** What this vendor answers a cancel with (default: it cannot cancel). */
    public FakeProvider cancelsWith(CancelOutcome answer) {
        cancelAnswer = answer;
        return this;
    }

    /** The vendor task ids asked to cancel. */
    public List<String> cancelled() {
        return cancelled;
    }

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(id, models, callbackBase);
    }

    @Override
    public TaskSettings taskSettings() {
        return settings;
    }

    @Override
    public CompletionStage<Submission> submit(ProviderRequest request) {
        beforeSubmit.run();
        submitted.add(request);
        Script script;
        synchronized (scripts) {
            script = scripts.isEmpty() ? new Script.Task(List.of(queued(), running(), succeeded())) : scripts.poll();
        }
        if (script instanceof Script.Sync) {
            return CompletableFuture.completedFuture(new Submission.Completed(List.of(image()), List.of(), price));
        }
        if (script instanceof Script.Fail fail) {
            return CompletableFuture.failedFuture(fail.error());
        }
        if (script instanceof Script.Hold) {
            CompletableFuture<Submission> pending = new CompletableFuture<>();
            held.add(pending);
            return pending;
        }
        String taskId = id + "-task-" + taskNumbers.incrementAndGet();
        tasks.put(taskId, new ArrayDeque<>(((Script.Task) script).states()));
        return CompletableFuture.completedFuture(new Submission.Accepted(
                new ProviderTaskRef(id, request.model(), taskId), PollHint.NONE, price));
    }

    @Override
    public CompletionStage<TaskSnapshot> poll(ProviderTaskRef task) {
        polls.incrementAndGet();
        synchronized (pollFailures) {
            if (!pollFailures.isEmpty()) {
                return CompletableFuture.failedFuture(pollFailures.poll());
            }
        }
        Deque<TaskSnapshot> states = tasks.get(task.taskId());
        if (states == null) {
            return CompletableFuture.failedFuture(new ProviderException(ErrorCode.GENERATION_FAILED, "404",
                    "no task " + task.taskId()));
        }
        synchronized (states) {
            return CompletableFuture.completedFuture(states.size() > 1 ? states.poll() : states.peek());
        }
    }

    /** Makes a known task report this state from now on. */
    public void finishTask(String taskId, TaskSnapshot end) {
        Deque<TaskSnapshot> states = tasks.get(taskId);
        synchronized (states) {
            states.clear();
            states.add(end);
        }
    }

    @Override
    public CompletionStage<CancelOutcome> cancel(ProviderTaskRef task) {
        cancelled.add(task.taskId());
        return CompletableFuture.completedFuture(cancelAnswer);
    }

    /** Callbacks carry the vendor task id as the whole body. */
    @Override
    public Optional<String> callbackTaskId(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    @Override
    public void close() {
        closed = true;
    }
}
