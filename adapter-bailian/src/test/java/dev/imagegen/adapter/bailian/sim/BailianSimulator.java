package dev.imagegen.adapter.bailian.sim;

import com.sun.net.httpserver.HttpExchange;
import dev.imagegen.spi.contract.VendorSimulator;
import dev.imagegen.spi.testkit.LoopbackServer;
import dev.imagegen.spi.testkit.TestImages;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A strict simulator of seed 003's gateway ({@link Style#GATEWAY}) or of Alibaba's native DashScope API
 * ({@link Style#DASHSCOPE}) on 127.0.0.1, built from the seed and VENDORS.md. It checks the Bearer key, refuses
 * in the vendor's own error shape what the vendor would refuse (see {@code DashScopeRules}, {@code ArkRules}),
 * runs the async wan models as tasks that move {@code PENDING → RUNNING → SUCCEEDED} over time, answers qwen-image
 * and (gateway only) Seedream at once in their own result shapes, and serves small real PNG and JPEG images at the
 * result URLs. Tests can make it fail in every way the vendor does.
 *
 * <p>Thread-safe; no thread per task (a task's state follows from its age). Close it to stop the server.
 */
public final class BailianSimulator implements VendorSimulator, AutoCloseable {

    /** The API the simulator speaks, chosen at start. */
    public enum Style {
        GATEWAY, DASHSCOPE;

        /** The value of {@code BAILIAN_API_STYLE} for this style. */
        public String configValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the gateway writes its own errors: the seed's envelope, or the {@code {error:{code, message}}} shape. */
    public enum ErrorShape { ENVELOPE, ERROR_OBJECT }

    private final SimOptions options;
    private final LoopbackServer server;
    private final SimAnswers answers;
    private final byte[] png = TestImages.png(64, 64, Color.ORANGE);
    private final byte[] jpeg = TestImages.jpeg(64, 64, Color.CYAN);
    private final Map<String, SimTask> tasks = new ConcurrentHashMap<>();
    private final SimRecorder recorder;
    private final SimReplies replies;
    private final LongAdder submits = new LongAdder();
    private final LongAdder polls = new LongAdder();
    private final LongAdder cancels = new LongAdder();
    private final LongAdder images = new LongAdder();
    private final AtomicReference<Injected> nextSubmitFailure = new AtomicReference<>();
    private final AtomicReference<Injected> nextPollFailure = new AtomicReference<>();
    private volatile String failCode;
    private volatile String pinnedState;
    private volatile int failedImages;
    private volatile ErrorShape errorShape = ErrorShape.ENVELOPE;
    private volatile Duration submitDelay = Duration.ZERO;

    private BailianSimulator(SimOptions options) {
        this.options = options;
        this.server = LoopbackServer.start(Map.of("/", this::handle), options.threads);
        this.answers = new SimAnswers(server.baseUrl().toString());
        this.recorder = new SimRecorder(options.recordLimit);
        this.replies = new SimReplies(options.style);
    }

    public static BailianSimulator start(SimOptions options) {
        return new BailianSimulator(options);
    }

    public static BailianSimulator start(Style style) {
        return start(SimOptions.defaults().style(style));
    }

    /** {@code http://127.0.0.1:<port>}: the {@code BAILIAN_BASE_URL} to configure. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    public String apiKey() {
        return options.apiKey;
    }

    public Style style() {
        return options.style;
    }

    /** {@code BAILIAN_API_KEY}, {@code BAILIAN_BASE_URL} and {@code BAILIAN_API_STYLE} for this simulator. */
    public Map<String, String> providerConfig() {
        return Map.of("BAILIAN_API_KEY", apiKey(), "BAILIAN_BASE_URL", baseUrl().toString(),
                "BAILIAN_API_STYLE", style().configValue());
    }

    @Override
    public void reset() {
        nextSubmitFailure.set(null);
        nextPollFailure.set(null);
        failCode = null;
        pinnedState = null;
        failedImages = 0;
        errorShape = ErrorShape.ENVELOPE;
        submitDelay = Duration.ZERO;
        recorder.clear();
    }

    @Override
    public void failNextSubmit(int httpStatus, String vendorCode, Integer retryAfterSeconds) {
        nextSubmitFailure.set(new Injected(httpStatus, vendorCode, retryAfterSeconds, null));
    }

    /** Tasks (and synchronous answers) from now on fail with this DashScope or Ark code. */
    @Override
    public void failTasksWith(String vendorFailCode) {
        failCode = vendorFailCode;
    }

    /** Tasks from now on report this state ({@code PENDING ... UNKNOWN}) on every status call. */
    @Override
    public void pinTasksTo(String vendorState) {
        pinnedState = vendorState;
    }

    /** The next submit is answered HTTP 200 with {@code {success:false, code, message}} (gateway only). */
    public void refuseNextSubmitInEnvelope(String code, String message) {
        if (options.style != Style.GATEWAY) {
            throw new IllegalStateException("only the gateway has an envelope");
        }
        nextSubmitFailure.set(new Injected(200, code, null, message));
    }

    /** The next status call is answered with this HTTP status and the vendor's error body. */
    public void failNextPoll(int httpStatus, String vendorCode, Integer retryAfterSeconds) {
        nextPollFailure.set(new Injected(httpStatus, vendorCode, retryAfterSeconds, null));
    }

    /** In tasks (and Ark answers) from now on, this many images fail: a partial success. */
    public void failImagesPerTask(int count) {
        failedImages = count;
    }

    /** How the gateway writes its own errors from now on. */
    public void errorShape(ErrorShape shape) {
        errorShape = shape;
    }

    /** Submits are answered only after this delay (to provoke read timeouts). */
    public void delaySubmits(Duration delay) {
        submitDelay = delay;
    }

    /** The requests received since the last reset, oldest first (image downloads not included). */
    public List<ReceivedRequest> requests() {
        return recorder.all();
    }

    /** The last submit received, for field-mapping assertions. */
    public ReceivedRequest lastSubmit() {
        List<ReceivedRequest> all = requests();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).method().equals("POST") && !all.get(i).path().endsWith("/cancel")) {
                return all.get(i);
            }
        }
        throw new IllegalStateException("no submit received");
    }

    public long submitCount() {
        return submits.sum();
    }

    public long pollCount() {
        return polls.sum();
    }

    public long cancelCount() {
        return cancels.sum();
    }

    public long imageDownloads() {
        return images.sum();
    }

    public int taskCount() {
        return tasks.size();
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (RuntimeException e) {
            SimReplies.send(exchange, 500, SimAnswers.dashScopeError("InternalError", "simulator bug: " + e), null);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(LoopbackServer.body(exchange), StandardCharsets.UTF_8);
        if (method.equals("GET") && path.startsWith("/results/")) {
            image(exchange, path);
            return;
        }
        recorder.record(method, path, exchange, body);
        if (!("Bearer " + options.apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            replies.refuseStatus(exchange, 401, null, null, errorShape);
            return;
        }
        SimRoutes.Route route = SimRoutes.of(options.style, method, path);
        switch (route.kind()) {
            case SUBMIT -> submit(exchange, path, body);
            case POLL -> poll(exchange, route.taskId());
            case CANCEL -> cancel(exchange, route.taskId());
            case NOT_FOUND -> {
                if (route.refusal().isPresent()) {
                    replies.refuse(exchange, route.refusal().get(), errorShape);
                } else {
                    SimReplies.send(exchange, 404, Json.obj("code", "NotFound", "message", "no route " + path), null);
                }
            }
        }
    }

    private void submit(HttpExchange exchange, String path, String body) throws IOException {
        submits.increment();
        pause(submitDelay);
        Injected injected = nextSubmitFailure.getAndSet(null);
        if (injected != null) {
            if (injected.envelopeMessage() != null) {
                SimReplies.send(exchange, 200, SimAnswers.envelopeError(injected.code(), injected.envelopeMessage()),
                        null);
            } else {
                replies.refuseStatus(exchange, injected.status(), injected.code(), injected.retryAfter(), errorShape);
            }
            return;
        }
        Map<String, Object> json = Json.parseObject(body);
        if (json == null) {
            replies.refuse(exchange, Refusal.invalid("The request body is not a JSON object"), errorShape);
            return;
        }
        SimFamily family = SimFamily.of(json.get("model"));
        Refusal refusal = SimRoutes.check(options.style, family, json.get("model"), path,
                exchange.getRequestHeaders().getFirst("X-DashScope-Async"));
        if (refusal == null && family != null) {
            refusal = family.ark() ? ArkRules.check(family, json) : DashScopeRules.check(family, json);
        }
        if (refusal != null) {
            if (family != null && family.ark()) {
                replies.ark(exchange, refusal);
            } else {
                replies.refuse(exchange, refusal, errorShape);
            }
            return;
        }
        answer(exchange, family, json);
    }

    private void answer(HttpExchange exchange, SimFamily family, Map<String, Object> json) throws IOException {
        String id = UUID.randomUUID().toString();
        String code = failCode;
        if (family.async) {
            int n = ((Number) Json.objectAt(json, "parameters").get("n")).intValue();
            tasks.put(id, new SimTask(id, (String) json.get("model"), n, System.nanoTime(), Instant.now(), code,
                    pinnedState, failedImages, false));
            replies.ok(exchange, SimAnswers.created(id));
        } else if (code != null) {
            Refusal failure = new Refusal(Refusal.statusOf(code), code, "Simulated failure: " + code);
            if (family.ark()) {
                replies.ark(exchange, failure);
            } else {
                replies.refuse(exchange, failure, errorShape);
            }
        } else if (family.ark()) {
            replies.ok(exchange, answers.arkResult(id, json, failedImages, Base64.getEncoder().encodeToString(jpeg)));
        } else {
            Object size = Json.objectAt(json, "parameters").get("size");
            replies.ok(exchange, answers.qwenResult(id, size instanceof String s ? s : "1328*1328"));
        }
    }

    private void poll(HttpExchange exchange, String taskId) throws IOException {
        polls.increment();
        Injected injected = nextPollFailure.getAndSet(null);
        if (injected != null) {
            replies.refuseStatus(exchange, injected.status(), injected.code(), injected.retryAfter(), errorShape);
            return;
        }
        SimTask task = tasks.get(taskId);
        if (task == null) {
            replies.ok(exchange, SimAnswers.unknownTask(taskId));
            return;
        }
        replies.ok(exchange, answers.task(task, state(task)));
    }

    private void cancel(HttpExchange exchange, String taskId) throws IOException {
        cancels.increment();
        SimTask task = tasks.get(taskId);
        if (task == null || !state(task).equals("PENDING")) {
            replies.refuse(exchange, new Refusal(400, "UnsupportedOperation",
                    "Failed to cancel the task, please confirm if the task is in PENDING status."), errorShape);
            return;
        }
        tasks.computeIfPresent(taskId, (id, t) -> t.cancel());
        replies.ok(exchange, Json.obj("request_id", SimAnswers.requestId()));
    }

    private String state(SimTask task) {
        return task.stateAt(System.nanoTime(), options.pendingFor.toNanos(), options.runningFor.toNanos());
    }

    private void image(HttpExchange exchange, String path) throws IOException {
        images.increment();
        byte[] bytes = path.endsWith(".png") ? png : path.endsWith(".jpeg") ? jpeg : null;
        if (bytes == null) {
            LoopbackServer.respond(exchange, 404, "text/plain", "no such image".getBytes(StandardCharsets.UTF_8),
                    Map.of());
        } else {
            LoopbackServer.respond(exchange, 200, path.endsWith(".png") ? "image/png" : "image/jpeg", bytes,
                    Map.of());
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An error the next call is told to answer with; {@code envelopeMessage} set means HTTP 200 success:false. */
    private record Injected(int status, String code, Integer retryAfter, String envelopeMessage) {
    }
}
