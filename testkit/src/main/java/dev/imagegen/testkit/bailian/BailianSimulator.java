package dev.imagegen.testkit.bailian;

import dev.imagegen.testkit.VendorSimulator;
import dev.imagegen.testkit.LoopbackServer;
import dev.imagegen.testkit.TaskLedger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict simulator of seed 003's gateway ({@link Style#GATEWAY}) or of Alibaba's native DashScope API
 * ({@link Style#DASHSCOPE}) on 127.0.0.1, built from the seed and VENDORS.md. It checks the Bearer key, refuses
 * in the vendor's own error shape what the vendor would refuse (see {@code DashScopeRules}, {@code ArkRules},
 * {@code SimRoutes}), runs the async wan models as tasks that move {@code PENDING → RUNNING → SUCCEEDED} over time,
 * answers qwen-image and (gateway only) Seedream at once in their own result shapes, and serves small real PNG and
 * JPEG images at the result URLs. Tests can make it fail in every way the vendor does.
 *
 * <p>Usage: {@code try (var sim = BailianSimulator.start(Style.GATEWAY)) { config = sim.providerConfig(); ... }}.
 *
 * <p>Thread-safe; no thread per task (a task's state follows from its age), so it serves thousands of tasks.
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
    private final SimInstructions instructions = new SimInstructions();
    private final SimRecorder recorder;
    private final SimHandler handler;
    private final LoopbackServer server;

    private BailianSimulator(SimOptions options) {
        this.options = options;
        this.recorder = new SimRecorder(options.recordLimit);
        this.handler = new SimHandler(options, instructions, recorder);
        this.server = LoopbackServer.start(Map.of("/", handler::handle), options.threads);
        handler.servingAt(server.baseUrl().toString());
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

    /** Forgets every instruction and the received requests; tasks and counters stay. */
    @Override
    public void reset() {
        instructions.reset();
        recorder.clear();
    }

    @Override
    public void failNextSubmit(int httpStatus, String vendorCode, Integer retryAfterSeconds) {
        instructions.nextSubmitFailure.set(new SimInstructions.Injected(httpStatus, vendorCode, retryAfterSeconds,
                null));
    }

    /** Tasks (and synchronous answers) from now on fail with this DashScope or Ark code. */
    @Override
    public void failTasksWith(String vendorFailCode) {
        instructions.failCode = vendorFailCode;
    }

    /** Tasks from now on report this state ({@code PENDING ... UNKNOWN}) on every status call. */
    @Override
    public void pinTasksTo(String vendorState) {
        instructions.pinnedState = vendorState;
    }

    /** The next submit is answered HTTP 200 with {@code {success:false, code, message}} (gateway only). */
    public void refuseNextSubmitInEnvelope(String code, String message) {
        if (options.style != Style.GATEWAY) {
            throw new IllegalStateException("only the gateway has an envelope");
        }
        instructions.nextSubmitFailure.set(new SimInstructions.Injected(200, code, null, message));
    }

    /** The next status call is answered with this HTTP status and the vendor's error body. */
    public void failNextPoll(int httpStatus, String vendorCode, Integer retryAfterSeconds) {
        instructions.nextPollFailure.set(new SimInstructions.Injected(httpStatus, vendorCode, retryAfterSeconds,
                null));
    }

    /** In tasks (and Ark answers) from now on, this many images fail: a partial success. */
    public void failImagesPerTask(int count) {
        instructions.failedImages = count;
    }

    /** How the gateway writes its own errors from now on. */
    public void errorShape(ErrorShape shape) {
        instructions.errorShape = shape;
    }

    /** Submits are answered only after this delay (to provoke read timeouts). */
    public void delaySubmits(Duration delay) {
        instructions.submitDelay = delay;
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
        return handler.submits.sum();
    }

    public long pollCount() {
        return handler.polls.sum();
    }

    public long cancelCount() {
        return handler.cancels.sum();
    }

    public long imageDownloads() {
        return handler.images.sum();
    }

    /** Per-task creation, finish and status-call times, for load runs. */
    public TaskLedger ledger() {
        return handler.ledger;
    }

    public int taskCount() {
        return handler.tasks.size();
    }

    @Override
    public void close() {
        server.close();
    }
}
