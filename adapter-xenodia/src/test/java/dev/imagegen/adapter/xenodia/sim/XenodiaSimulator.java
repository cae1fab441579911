package dev.imagegen.adapter.xenodia.sim;

import com.sun.net.httpserver.HttpExchange;
import dev.imagegen.spi.contract.VendorSimulator;
import dev.imagegen.spi.testkit.LoopbackServer;
import dev.imagegen.spi.testkit.TestImages;
import io.micronaut.serde.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A strict simulator of Xenodia's image API on 127.0.0.1, built from the seeds and VENDORS.md:
 * {@code POST /v1/images/generations} (JSON or multipart), {@code GET /v1/tasks/{id}}, the public
 * {@code GET /v1/models}, and the result images (small real PNGs, JPEGs for {@code output_format=jpg}) under
 * {@code /files/}.
 *
 * <p>It checks the Bearer key, refuses with Xenodia's own 400 body whatever the real API refuses (see
 * {@link SimulatedModel} for the per-model rules), moves tasks through {@code waiting}, {@code queuing},
 * {@code generating} to {@code success} over the configured durations, and can be told to fail tasks, pin them in
 * a state, answer synchronously, answer error statuses, stall, or fail discovery. It keeps the submits it
 * received and counts calls per endpoint.
 *
 * <p>Thread-safe and cheap per task: state lives in concurrent maps and is computed from creation times, with no
 * timer or thread per task. Start with {@link #start()} or {@link #start(SimulatorOptions)}; {@link #close()} stops
 * it.
 */
public final class XenodiaSimulator implements VendorSimulator, AutoCloseable {

    private static final byte[] PNG = TestImages.png(64, 64, Color.ORANGE);
    private static final byte[] JPEG = TestImages.jpeg(64, 64, Color.ORANGE);

    private record Injected(int status, String code, Integer retryAfterSeconds) {
    }

    private record Answer(int status, Map<String, Object> json, Map<String, String> headers) {
        static Answer of(int status, Map<String, Object> json) {
            return new Answer(status, json, Map.of());
        }
    }

    private final SimulatorOptions options;
    private final TaskBook tasks;
    private final LoopbackServer server;

    private final Queue<Injected> submitFailures = new ConcurrentLinkedQueue<>();
    private final Queue<Injected> pollFailures = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Duration> submitStall = new AtomicReference<>();
    private final AtomicReference<Duration> pollStall = new AtomicReference<>();
    private final AtomicReference<Duration> discoveryStall = new AtomicReference<>();
    private volatile String pinnedState;
    private volatile String failCode;
    private volatile ResponseMode mode;
    private volatile boolean discoveryDown;
    private volatile boolean echoPresentedKey;
    private volatile Map<String, SimulatedModel> models;

    private final ConcurrentLinkedDeque<ReceivedSubmit> received = new ConcurrentLinkedDeque<>();
    private final AtomicInteger receivedCount = new AtomicInteger();
    private final AtomicLong submitCalls = new AtomicLong();
    private final AtomicLong pollCalls = new AtomicLong();
    private final AtomicLong modelCalls = new AtomicLong();
    private final AtomicLong fileCalls = new AtomicLong();

    private XenodiaSimulator(SimulatorOptions options) {
        this.options = options;
        this.tasks = new TaskBook(options);
        reset();
        this.server = LoopbackServer.start(Map.of(
                "/", exchange -> handle(exchange, () -> error(404, "not_found", "no such route", null)),
                "/v1/images/generations", exchange -> handle(exchange, () -> submit(exchange)),
                "/v1/tasks/", exchange -> handle(exchange, () -> poll(exchange)),
                "/v1/models", exchange -> handle(exchange, () -> models(exchange)),
                "/files/", this::file), options.threads());
    }

    /** A simulator with {@link SimulatorOptions#defaults()}. */
    public static XenodiaSimulator start() {
        return start(SimulatorOptions.defaults());
    }

    public static XenodiaSimulator start(SimulatorOptions options) {
        return new XenodiaSimulator(options);
    }

    /** {@code http://127.0.0.1:<port>}: the value for {@code XENODIA_BASE_URL}. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /** The only key it accepts: the value for {@code XENODIA_API_KEY}. */
    public String apiKey() {
        return options.apiKey();
    }

    public SimulatorOptions options() {
        return options;
    }

    // ---- instructions -------------------------------------------------------------------------------------

    /** Forgets every instruction, the received submits and the counters; existing tasks stay. */
    @Override
    public void reset() {
        submitFailures.clear();
        pollFailures.clear();
        submitStall.set(null);
        pollStall.set(null);
        discoveryStall.set(null);
        pinnedState = null;
        failCode = null;
        mode = options.responseMode();
        discoveryDown = false;
        echoPresentedKey = false;
        serveModels(SimulatedModel.defaults());
        received.clear();
        receivedCount.set(0);
        submitCalls.set(0);
        pollCalls.set(0);
        modelCalls.set(0);
        fileCalls.set(0);
    }

    @Override
    public void failNextSubmit(int httpStatus, String vendorCode, Integer retryAfterSeconds) {
        failNextSubmits(1, httpStatus, vendorCode, retryAfterSeconds);
    }

    /** The next {@code count} submits are answered with this status and Xenodia's error body. */
    public void failNextSubmits(int count, int httpStatus, String vendorCode, Integer retryAfterSeconds) {
        for (int i = 0; i < count; i++) {
            submitFailures.add(new Injected(httpStatus, vendorCode, retryAfterSeconds));
        }
    }

    /** The next task status call is answered with this status and Xenodia's error body. */
    public void failNextPoll(int httpStatus, String vendorCode, Integer retryAfterSeconds) {
        pollFailures.add(new Injected(httpStatus, vendorCode, retryAfterSeconds));
    }

    /** Tasks submitted from now on end {@code fail} with this {@code error.code}; null: they succeed again. */
    @Override
    public void failTasksWith(String vendorFailCode) {
        failCode = vendorFailCode;
    }

    /** Tasks submitted from now on report exactly this state; null: they move through the states again. */
    @Override
    public void pinTasksTo(String vendorState) {
        pinnedState = vendorState;
    }

    /** How valid submits are answered from now on. */
    public void respondWith(ResponseMode value) {
        mode = value;
    }

    /** The next submit is answered only after this delay (to provoke a client read timeout). */
    public void stallNextSubmit(Duration delay) {
        submitStall.set(delay);
    }

    /** The next task status call is answered only after this delay. */
    public void stallNextPoll(Duration delay) {
        pollStall.set(delay);
    }

    /** The next {@code GET /v1/models} is answered only after this delay. */
    public void stallNextDiscovery(Duration delay) {
        discoveryStall.set(delay);
    }

    /** {@code GET /v1/models} answers 503 while true. */
    public void failDiscovery(boolean down) {
        discoveryDown = down;
    }

    /** The models submits are checked against and discovery lists, from now on. */
    public void serveModels(List<SimulatedModel> served) {
        Map<String, SimulatedModel> byId = new LinkedHashMap<>();
        served.forEach(m -> byId.put(m.id(), m));
        models = java.util.Collections.unmodifiableMap(byId);
    }

    /**
     * While true, a 401 message quotes the Bearer token it was sent, as some APIs do (Xenodia's 401 text is not
     * documented); for proving a client never repeats such a message verbatim.
     */
    public void echoPresentedKey(boolean echo) {
        echoPresentedKey = echo;
    }

    // ---- observations -------------------------------------------------------------------------------------

    /** The submits received since the last reset (at most {@code recordLimit}, the newest), oldest first. */
    public List<ReceivedSubmit> submits() {
        return new ArrayList<>(received);
    }

    /** The newest submit received. @throws IllegalStateException when there was none */
    public ReceivedSubmit lastSubmit() {
        ReceivedSubmit last = received.peekLast();
        if (last == null) {
            throw new IllegalStateException("the simulator received no submit");
        }
        return last;
    }

    public Counters counters() {
        return new Counters(submitCalls.get(), pollCalls.get(), modelCalls.get(), fileCalls.get());
    }

    /** How many tasks it holds. */
    public int taskCount() {
        return tasks.size();
    }

    /** A task's state now, as a status call would report it. */
    public Optional<String> stateOf(String taskId) {
        return tasks.find(taskId).map(tasks::stateOf);
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- endpoints ----------------------------------------------------------------------------------------

    private Answer submit(HttpExchange exchange) throws IOException {
        submitCalls.incrementAndGet();
        if (!exchange.getRequestMethod().equals("POST")) {
            return error(405, "method_not_allowed", "use POST", null);
        }
        byte[] body = LoopbackServer.body(exchange);
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, Object> fields = new LinkedHashMap<>();
        List<UploadedFile> files = new ArrayList<>();
        Answer answer = answerSubmit(exchange, contentType, body, fields, files);
        record(new ReceivedSubmit(contentType, fields, files, answer.status()));
        stall(submitStall);
        return answer;
    }

    private Answer answerSubmit(HttpExchange exchange, String contentType, byte[] body, Map<String, Object> fields,
                                List<UploadedFile> files) {
        Answer injected = injected(submitFailures, exchange);
        List<Multipart.Part> parts = null;
        SubmitValidator.Refused unreadable = null;
        try {
            if (contentType.startsWith("application/json")) {
                if (!(readJson(body) instanceof Map<?, ?> map)) {
                    throw SubmitValidator.Refused.badRequest("request body must be a JSON object");
                }
                map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            } else if (contentType.startsWith("multipart/form-data")) {
                parts = Multipart.parse(contentType, body);
                collectTextParts(parts, fields);
            } else {
                throw SubmitValidator.Refused.badRequest("Content-Type must be application/json or multipart/form-data");
            }
        } catch (SubmitValidator.Refused e) {
            unreadable = e;
        } catch (Multipart.MalformedException e) {
            unreadable = SubmitValidator.Refused.badRequest("malformed multipart body: " + e.getMessage());
        }
        if (injected != null) {
            return injected;
        }
        if (!authorized(exchange)) {
            return unauthorized(exchange);
        }
        try {
            if (unreadable != null) {
                throw unreadable;
            }
            SubmitValidator.Valid valid = parts == null ? SubmitValidator.json(fields, models)
                    : SubmitValidator.multipart(parts, files, models);
            return accept(valid);
        } catch (SubmitValidator.Refused e) {
            return error(e.status, e.error, e.getMessage(), null);
        }
    }

    private Answer accept(SubmitValidator.Valid valid) {
        boolean sync = mode == ResponseMode.SYNC || (mode == ResponseMode.LEGACY && !Boolean.TRUE.equals(valid.async()));
        String failure = failCode;
        if (sync && failure != null) {
            return failure.equals("content_policy_violation") || failure.equals("invalid_reference")
                    ? error(400, failure, TaskBook.failureMessage(failure), null)
                    : error(502, "image_generation_failed", TaskBook.failureMessage(failure), null);
        }
        TaskBook.SimTask task = tasks.create(valid, sync ? "success" : pinnedState, failure);
        if (sync) {
            return Answer.of(200, SimulatedModel.orderedMap("created", task.createdEpochSeconds(),
                    "data", List.of(Map.of("url", TaskBook.imageUrl(baseUrl(), task).toString()))));
        }
        return Answer.of(202, tasks.envelope(task, tasks.stateOf(task)));
    }

    private Answer poll(HttpExchange exchange) {
        pollCalls.incrementAndGet();
        if (!exchange.getRequestMethod().equals("GET")) {
            return error(405, "method_not_allowed", "use GET", null);
        }
        Answer injected = injected(pollFailures, exchange);
        if (injected != null) {
            return injected;
        }
        if (!authorized(exchange)) {
            return unauthorized(exchange);
        }
        String id = exchange.getRequestURI().getPath().substring("/v1/tasks/".length());
        Optional<TaskBook.SimTask> task = tasks.find(id);
        stall(pollStall);
        return task.map(t -> Answer.of(200, tasks.taskJson(t, baseUrl())))
                .orElseGet(() -> error(404, "not_found", "task '" + id + "' not found", null));
    }

    private Answer models(HttpExchange exchange) {
        modelCalls.incrementAndGet();
        if (!exchange.getRequestMethod().equals("GET")) {
            return error(405, "method_not_allowed", "use GET", null);
        }
        stall(discoveryStall);
        if (discoveryDown) {
            return error(503, "service_unavailable", "model discovery is temporarily unavailable", null);
        }
        List<Object> items = models.values().stream().map(m -> (Object) m.discoveryItem()).toList();
        return Answer.of(200, SimulatedModel.orderedMap("object", "list", "data", items));
    }

    private void file(HttpExchange exchange) throws IOException {
        fileCalls.incrementAndGet();
        String[] path = exchange.getRequestURI().getPath().split("/");
        Optional<TaskBook.SimTask> task = path.length == 4 ? tasks.find(path[2]) : Optional.empty();
        if (task.isPresent() && tasks.succeeded(task.get())
                && path[3].equals("0." + task.get().imageExtension())) {
            boolean jpeg = task.get().imageExtension().equals("jpg");
            LoopbackServer.respond(exchange, 200, jpeg ? "image/jpeg" : "image/png", jpeg ? JPEG : PNG, Map.of());
        } else {
            LoopbackServer.respond(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private interface Endpoint {
        Answer answer() throws IOException;
    }

    private void handle(HttpExchange exchange, Endpoint endpoint) throws IOException {
        Answer answer;
        try {
            answer = endpoint.answer();
        } catch (RuntimeException e) {
            answer = error(500, "internal_error", "simulator bug: " + e, null);
        }
        byte[] json = ObjectMapper.getDefault().writeValueAsBytes(answer.json());
        try {
            LoopbackServer.respond(exchange, answer.status(), "application/json", json, answer.headers());
        } catch (IOException e) {
            exchange.close();
        }
    }

    private Answer injected(Queue<Injected> queue, HttpExchange exchange) {
        Injected next = queue.poll();
        if (next == null) {
            return null;
        }
        if (next.status() == 401 && next.code() == null) {
            return unauthorized(exchange);
        }
        return error(next.status(), next.code(), null, next.retryAfterSeconds());
    }

    private boolean authorized(HttpExchange exchange) {
        return ("Bearer " + options.apiKey()).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private Answer unauthorized(HttpExchange exchange) {
        String presented = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        return error(401, "unauthorized", "missing or invalid bearer token"
                + (echoPresentedKey ? ": " + presented.replaceFirst("^Bearer ", "") : ""), null);
    }

    /** Xenodia's error body {@code {error, message}}, with the usual code and text of the status when not given. */
    private static Answer error(int status, String code, String message, Integer retryAfterSeconds) {
        Map<String, Object> json = SimulatedModel.orderedMap("error", code != null ? code : defaultCode(status),
                "message", message != null ? message : defaultMessage(status));
        return new Answer(status, json, retryAfterSeconds == null ? Map.of()
                : Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    private static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 402 -> "insufficient_balance";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 429 -> "rate_limited";
            case 502 -> "image_generation_failed";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "invalid request payload or unsupported parameter";
            case 401 -> "missing or invalid bearer token";
            case 402 -> "insufficient balance";
            case 403 -> "this key may not use this model";
            case 429 -> "too many requests";
            case 502 -> "upstream image generation failed";
            case 503 -> "service temporarily unavailable";
            default -> "request failed";
        };
    }

    private static Object readJson(byte[] body) throws SubmitValidator.Refused {
        try {
            return ObjectMapper.getDefault().readValue(body, Object.class);
        } catch (IOException | RuntimeException e) {
            throw SubmitValidator.Refused.badRequest("invalid JSON body");
        }
    }

    private static void collectTextParts(List<Multipart.Part> parts, Map<String, Object> fields) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Multipart.Part part : parts) {
            if (!part.isFile()) {
                byName.computeIfAbsent(part.name(), n -> new ArrayList<>()).add(part.text());
            }
        }
        byName.forEach((name, values) -> fields.put(name, values.size() == 1 ? values.get(0) : values));
    }

    private void record(ReceivedSubmit submit) {
        if (options.recordLimit() == 0) {
            return;
        }
        received.addLast(submit);
        if (receivedCount.incrementAndGet() > options.recordLimit()) {
            received.pollFirst();
            receivedCount.decrementAndGet();
        }
    }

    private static void stall(AtomicReference<Duration> stall) {
        Duration delay = stall.getAndSet(null);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
