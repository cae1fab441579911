package dev.imagegen.worker.testing;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.ReferenceLimits;
import dev.imagegen.spi.ReferenceTransport;
import dev.imagegen.spi.Resolution;
import dev.imagegen.spi.Secret;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSettings;
import dev.imagegen.spi.TaskSnapshot;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A provider of the test vendor ({@link TestVendor}); serves {@code test-model}. */
public final class TestProvider implements ImageProvider {

    public static final String MODEL = "test-model";
    public static final TaskSettings FAST = new TaskSettings(Duration.ofMillis(50), Duration.ofMillis(50),
            Duration.ofMillis(200), Duration.ofSeconds(60), 1000, 10_000);

    static final ModelCapabilities CAPABILITIES = ModelCapabilities.builder()
            .aspectRatios("1:1", "16:9").resolutions(Resolution.ONE_K).outputFormats(OutputFormat.PNG).maxImages(4)
            .maxPromptLength(2000).negativePrompt(500).seed(true)
            .references(ReferenceLimits.upTo(2, Set.of(ReferenceTransport.URL, ReferenceTransport.INLINE),
                    ReferenceLimits.JPEG_PNG_WEBP, 1024 * 1024))
            .build();

    private final ProviderId id;
    private final Secret key;
    private final TaskSettings settings;
    private final URI callbackBase;

    TestProvider(String id, Secret key, TaskSettings settings, URI callbackBase) {
        this.id = ProviderId.of(id);
        this.key = key;
        this.settings = settings;
        this.callbackBase = callbackBase;
    }

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(id, List.of(ModelOffer.declared(MODEL, CAPABILITIES)), callbackBase);
    }

    @Override
    public TaskSettings taskSettings() {
        return settings;
    }

    @Override
    public CompletionStage<Submission> submit(ProviderRequest request) {
        String prompt = request.prompt();
        String p = id.value();
        if (TestVendor.directive(prompt, p, "leak") != null) {
            return CompletableFuture.failedFuture(new ProviderException(ErrorCode.AUTHENTICATION_FAILED, "401",
                    "vendor refused key " + key.reveal()));
        }
        String reject = TestVendor.directive(prompt, p, "reject");
        if (reject != null) {
            return CompletableFuture.failedFuture(new ProviderException(TestVendor.code(reject), reject,
                    p + " refused the submit"));
        }
        TestVendor.SUBMITS.add(p + "/" + request.correlationId());
        if (TestVendor.directive(prompt, p, "hang") != null || (TestVendor.directive(prompt, p, "hangonce") != null
                && TestVendor.submitsOf(request.correlationId()) == 1)) {
            return new CompletableFuture<>();
        }
        if (TestVendor.directive(prompt, p, "sync") != null) {
            return CompletableFuture.completedFuture(new Submission.Completed(List.of(image(request, 1)), List.of()));
        }
        String taskId = p + "-" + TestVendor.NUMBERS.incrementAndGet();
        TestVendor.TASKS.put(taskId, new TestVendor.VendorTask(p, request.correlationId(), prompt, System.nanoTime()));
        if (request.callbackUrl() != null) {
            TestVendor.CALLBACKS.put(request.correlationId(), new String[] {taskId, request.callbackUrl().toString()});
        }
        return CompletableFuture.completedFuture(new Submission.Accepted(new ProviderTaskRef(id, request.model(),
                taskId), PollHint.NONE));
    }

    @Override
    public CompletionStage<TaskSnapshot> poll(ProviderTaskRef ref) {
        TestVendor.VendorTask task = TestVendor.TASKS.get(ref.taskId());
        if (task == null) {
            return CompletableFuture.failedFuture(new ProviderException(ErrorCode.GENERATION_FAILED, "404",
                    "no task " + ref.taskId()));
        }
        TestVendor.POLLS.computeIfAbsent(task.correlationId(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(System.nanoTime());
        String ms = TestVendor.directive(task.prompt(), id.value(), "ms");
        long runMs = ms == null || ms.isEmpty() ? 300 : Long.parseLong(ms);
        boolean done = TestVendor.directive(task.prompt(), id.value(), "forever") == null
                && System.nanoTime() - task.submittedAtNanos() >= runMs * 1_000_000L;
        if (!done) {
            return CompletableFuture.completedFuture(TaskSnapshot.pending(ProviderTaskState.RUNNING, "running", 50,
                    PollHint.NONE));
        }
        String fail = TestVendor.directive(task.prompt(), id.value(), "fail");
        if (fail != null) {
            return CompletableFuture.completedFuture(TaskSnapshot.failed("failed",
                    new ProviderFailure(TestVendor.code(fail), "vendor_" + fail.toLowerCase(), "the vendor failed")));
        }
        return CompletableFuture.completedFuture(TaskSnapshot.succeeded("done",
                List.of(new GeneratedImage(TestVendor.imageUrl(task.correlationId() + "/" + ref.taskId() + ".png"),
                        Instant.parse("2030-01-01T00:00:00Z"))), List.of()));
    }

    private GeneratedImage image(ProviderRequest request, int n) {
        return new GeneratedImage(TestVendor.imageUrl(id + "/" + request.correlationId() + "-" + n + ".png"), null);
    }

    /** A callback's body is the vendor task id. */
    @Override
    public java.util.Optional<String> callbackTaskId(byte[] body) {
        return java.util.Optional.of(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
    }
}
