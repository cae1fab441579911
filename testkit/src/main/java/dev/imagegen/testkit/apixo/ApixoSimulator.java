package dev.imagegen.testkit.apixo;

import com.sun.net.httpserver.HttpHandler;
import dev.imagegen.testkit.apixo.SimApi.Endpoint;
import dev.imagegen.testkit.apixo.SimApi.Scripted;
import dev.imagegen.testkit.VendorSimulator;
import dev.imagegen.testkit.LoopbackServer;
import dev.imagegen.testkit.TaskLedger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A strict simulator of Apixo's task API on 127.0.0.1, built from seed 004 and VENDORS.md:
 * {@code POST /api/v1/generateTask/{model}}, {@code GET /api/v1/statusTask/{model}?taskId=}, result images under
 * {@code /files/}, and callback delivery.
 *
 * <ul>
 *   <li>Checks {@code Authorization: Bearer <key>} (401 otherwise) and the model (404), and refuses with Apixo's
 *       400 body ({@code {"code":400,"message":"Invalid request","data":{"error":"..."}}}) every body the real API
 *       would refuse: unknown fields, missing {@code input.prompt} or {@code input.mode}, bad mode, mode and
 *       references that disagree, unknown aspect ratio, resolution other than {@code 1K|2K|4K} (lower case
 *       included), bad output format, more than 10 or non-URL {@code image_urls}, {@code request_type: callback}
 *       without {@code callback_url}, bad {@code provider}.</li>
 *   <li>Tasks move {@code pending -> processing -> success|failed} as time passes (computed from their creation
 *       time, no timer per task); they can be told to fail with any failCode or be pinned in a state.</li>
 *   <li>Any call can be answered with a scripted error (429 with {@code Retry-After}, 5xx, a 200 whose body
 *       {@code code} is an error...) or delayed (to provoke client read timeouts).</li>
 *   <li>Tasks submitted with {@code request_type: callback} are POSTed (the statusTask envelope) to their
 *       {@code callback_url} when they end, retried as {@link SimOptions#callbackRetryDelays()} says when the
 *       receiver does not answer 200. Callbacks can be dropped (lost) or duplicated.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the server and the callback scheduler.
 */
public final class ApixoSimulator implements VendorSimulator, AutoCloseable {

    private final SimOptions options;
    private final CallbackDispatcher callbacks;
    private final SimApi api;
    private final LoopbackServer server;

    private ApixoSimulator(SimOptions options) {
        this.options = options;
        this.callbacks = new CallbackDispatcher(options.callbackRetryDelays(), options.callbackTimeout());
        this.api = new SimApi(options, callbacks);
        HttpHandler submit = api::submit;
        HttpHandler status = api::status;
        HttpHandler files = api::file;
        HttpHandler other = api::unknownPath;
        this.server = LoopbackServer.start(Map.of("/api/v1/generateTask/", submit, "/api/v1/statusTask/", status,
                "/files/", files, "/", other), options.threads());
        api.baseUrl(server.baseUrl());
    }

    /** Starts with {@link SimOptions#fast()}. */
    public static ApixoSimulator start() {
        return start(SimOptions.fast());
    }

    public static ApixoSimulator start(SimOptions options) {
        return new ApixoSimulator(Objects.requireNonNull(options, "options"));
    }

    /** {@code http://127.0.0.1:<port>}: the value for {@code APIXO_BASE_URL}. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    public String apiKey() {
        return options.apiKey();
    }

    /** {@code APIXO_API_KEY} and {@code APIXO_BASE_URL} for this simulator. */
    public Map<String, String> providerConfig() {
        return Map.of("APIXO_API_KEY", apiKey(), "APIXO_BASE_URL", baseUrl().toString());
    }

    public SimOptions options() {
        return options;
    }

    /**
     * Forgets every instruction (scripted answers, failure code, pin, timings, image stall, callback switches) and the recorded
     * submit bodies. Tasks already accepted and the call counters stay.
     */
    @Override
    public void reset() {
        api.reset();
        callbacks.resetSwitches();
    }

    @Override
    public void failNextSubmit(int httpStatus, String vendorCode, Integer retryAfterSeconds) {
        answerNext(Endpoint.SUBMIT, httpStatus, httpStatus, vendorCode, retryAfterSeconds);
    }

    /** The next statusTask call is answered with this status and Apixo's error body. */
    public void failNextStatus(int httpStatus, String message, Integer retryAfterSeconds) {
        answerNext(Endpoint.STATUS, httpStatus, httpStatus, message, retryAfterSeconds);
    }

    /** The next submit gets this HTTP status with this body {@code code} (such as HTTP 200 with code 402). */
    public void answerNextSubmit(int httpStatus, int bodyCode, String message) {
        answerNext(Endpoint.SUBMIT, httpStatus, bodyCode, message, null);
    }

    /** The next submit is processed normally (the task is created) but answered only after this delay. */
    public void delayNextSubmit(Duration delay) {
        api.script(Endpoint.SUBMIT, new Scripted(0, 0, null, null, delay));
    }

    /** The next statusTask call is answered only after this delay. */
    public void delayNextStatus(Duration delay) {
        api.script(Endpoint.STATUS, new Scripted(0, 0, null, null, delay));
    }

    private void answerNext(Endpoint endpoint, int httpStatus, int bodyCode, String message, Integer retryAfter) {
        api.script(endpoint, new Scripted(httpStatus, bodyCode, message == null ? usualMessage(bodyCode) : message,
                retryAfter, null));
    }

    private static String usualMessage(int code) {
        return switch (code) {
            case 400 -> "Invalid request";
            case 401 -> "Invalid API key";
            case 402 -> "Insufficient balance";
            case 403 -> "Permission denied";
            case 404 -> "Model not found";
            case 429 -> "Rate limit exceeded";
            case 503 -> "Service temporarily unavailable";
            default -> code >= 500 ? "Internal server error" : "Error";
        };
    }

    /** Tasks submitted from now on end {@code failed} with this failCode (null: they succeed again). */
    @Override
    public void failTasksWith(String vendorFailCode) {
        api.failCode.set(vendorFailCode);
    }

    /** Tasks submitted from now on report exactly this state (any word, for unknown-state tests). */
    @Override
    public void pinTasksTo(String vendorState) {
        api.pinnedState.set(vendorState);
    }

    /** Tasks submitted from now on stay pending and processing this long. */
    public void timings(Duration pending, Duration processing) {
        api.timings.set(new Duration[] {pending, processing});
    }

    /** While on, terminal tasks' callbacks are not sent at all (a lost callback). */
    public void dropCallbacks(boolean drop) {
        callbacks.drop(drop);
    }

    /** Each callback is sent this many times (1: once). */
    public void duplicateCallbacks(int copies) {
        callbacks.copies(copies);
    }

    /**
     * Sends the task's callback once more, now, with its current envelope, as a duplicate delivery would.
     *
     * @throws IllegalArgumentException when the task is unknown or was not submitted with a callback URL
     */
    public void resendCallback(String taskId) {
        SimTask task = api.task(taskId).orElseThrow(() -> new IllegalArgumentException("no task " + taskId));
        if (task.callbackUrl() == null) {
            throw new IllegalArgumentException("task " + taskId + " has no callback_url");
        }
        callbacks.deliverOnce(task.callbackUrl(), api.envelope(task));
    }

    /**
     * From now on the first request for each task's result image is held this long without an answer (the bytes
     * come after it, unless the client gave up or the simulator closed first); later requests are answered at once.
     * For crash tests: a client killed while it downloads.
     */
    public void stallFirstImageDownloads(Duration stall) {
        api.stallFirstImage.set(Objects.requireNonNull(stall, "stall"));
    }

    /** Requests received for a task's result images ({@code /files/<taskId>/...}), answered or still held. */
    public long imageRequestsOf(String taskId) {
        return api.imageRequestsOf(taskId);
    }

    /** The statusTask state a task reports now, if the task exists. */
    public Optional<String> stateOf(String taskId) {
        return api.task(taskId).map(t -> t.stateAt(options.clock().millis()));
    }

    /** The submit bodies received since the last reset (the latest 1,000), oldest first, as sent. */
    public List<String> submitBodies() {
        List<String> bodies = new ArrayList<>();
        api.submitBodies().forEach(bodies::add);
        return bodies;
    }

    /** The latest submit body, parsed; fails when there is none. */
    public Map<String, Object> lastSubmit() {
        List<String> bodies = submitBodies();
        if (bodies.isEmpty()) {
            throw new IllegalStateException("no submit received");
        }
        return SimJson.map(bodies.get(bodies.size() - 1));
    }

    /** Per-task creation, finish and status-call times, for load runs. */
    public TaskLedger ledger() {
        return api.ledger;
    }

    public int taskCount() {
        return api.taskCount();
    }

    /** generateTask calls received, answered or refused. */
    public long submitCalls() {
        return api.submits.get();
    }

    public long statusCalls() {
        return api.statuses.get();
    }

    public long imageDownloads() {
        return api.images.get();
    }

    /** Callback POSTs attempted, retries and duplicates included. */
    public long callbackAttempts() {
        return callbacks.attempts();
    }

    /** Callback POSTs the receiver answered with 200. */
    public long callbacksDelivered() {
        return callbacks.delivered();
    }

    /** Callbacks not sent because {@link #dropCallbacks(boolean)} was on. */
    public long callbacksDropped() {
        return callbacks.dropped();
    }

    /** Callbacks given up after every retry failed. */
    public long callbacksAbandoned() {
        return callbacks.abandoned();
    }

    @Override
    public void close() {
        server.close();
        callbacks.close();
    }
}
