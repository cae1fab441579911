package dev.imagegen.testkit.apixo;

import com.sun.net.httpserver.HttpExchange;
import dev.imagegen.testkit.LoopbackServer;
import dev.imagegen.testkit.TaskLedger;
import dev.imagegen.testkit.TestImages;
import io.micronaut.json.tree.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The simulator's HTTP endpoints and the state behind them; thread-safe. */
final class SimApi {

    enum Endpoint { SUBMIT, STATUS }

    /** An answer scripted for the next call of an endpoint: an error body, or a delay before the real answer. */
    record Scripted(int httpStatus, int bodyCode, String message, Integer retryAfterSeconds, Duration delay) {
    }

    private static final int KEPT_BODIES = 1000;
    private static final String SUBMIT_PREFIX = "/api/v1/generateTask/";
    private static final String STATUS_PREFIX = "/api/v1/statusTask/";

    private final SimOptions options;
    private final CallbackDispatcher callbacks;
    private final byte[] png = TestImages.png(64, 36, Color.YELLOW);
    private final byte[] jpeg = TestImages.jpeg(64, 36, Color.YELLOW);
    private final Map<String, SimTask> tasks = new ConcurrentHashMap<>();
    private final Map<Endpoint, Queue<Scripted>> scripted = new EnumMap<>(Map.of(
            Endpoint.SUBMIT, new ConcurrentLinkedQueue<>(), Endpoint.STATUS, new ConcurrentLinkedQueue<>()));
    private final ConcurrentLinkedDeque<String> submitBodies = new ConcurrentLinkedDeque<>();
    final AtomicReference<String> failCode = new AtomicReference<>();
    final AtomicReference<String> pinnedState = new AtomicReference<>();
    final AtomicReference<Duration[]> timings;
    final AtomicLong submits = new AtomicLong();
    final AtomicLong statuses = new AtomicLong();
    final AtomicLong images = new AtomicLong();
    private final Map<String, AtomicLong> imageRequests = new ConcurrentHashMap<>();
    final AtomicReference<Duration> stallFirstImage = new AtomicReference<>();
    final TaskLedger ledger = new TaskLedger();
    private volatile URI baseUrl;

    SimApi(SimOptions options, CallbackDispatcher callbacks) {
        this.options = options;
        this.callbacks = callbacks;
        this.timings = new AtomicReference<>(new Duration[] {options.pendingFor(), options.processingFor()});
    }

    void baseUrl(URI url) {
        baseUrl = url;
    }

    void script(Endpoint endpoint, Scripted answer) {
        scripted.get(endpoint).add(answer);
    }

    void reset() {
        scripted.values().forEach(Queue::clear);
        submitBodies.clear();
        failCode.set(null);
        pinnedState.set(null);
        stallFirstImage.set(null);
        timings.set(new Duration[] {options.pendingFor(), options.processingFor()});
    }

    Iterable<String> submitBodies() {
        return submitBodies;
    }

    Optional<SimTask> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    int taskCount() {
        return tasks.size();
    }

    /** The statusTask envelope of a task as it is now. */
    String envelope(SimTask task) {
        return SimJson.envelope(200, "success", task.data(options.clock().millis(), baseUrl));
    }

    void submit(HttpExchange exchange) throws IOException {
        submits.incrementAndGet();
        byte[] body = LoopbackServer.body(exchange);
        Scripted script = scripted.get(Endpoint.SUBMIT).poll();
        if (scriptedError(script, exchange) || !authorized(exchange)) {
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            error(exchange, 405, "Method not allowed", null);
            return;
        }
        String model = exchange.getRequestURI().getPath().substring(SUBMIT_PREFIX.length());
        if (!options.models().contains(model)) {
            error(exchange, 404, "Model not found: " + model, null);
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        submitBodies.addLast(text);
        while (submitBodies.size() > KEPT_BODIES) {
            submitBodies.pollFirst();
        }
        SubmitValidator.Accepted accepted;
        try {
            JsonNode tree = SimJson.tree(body).orElseThrow(() -> new SubmitValidator.Refused("Malformed JSON body"));
            accepted = SubmitValidator.check(tree);
        } catch (SubmitValidator.Refused refused) {
            error(exchange, 400, "Invalid request", refused.getMessage());
            return;
        }
        Duration[] durations = timings.get();
        SimTask task = new SimTask("task_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), model,
                options.clock().millis(), durations[0].toMillis(), durations[1].toMillis(), failCode.get(),
                pinnedState.get(), accepted.outputFormat(), accepted.callbackUrl());
        tasks.put(task.id(), task);
        ledger.created(task.id(), task.createdAt(), task.pinnedState() == null ? task.completeTime() : TaskLedger.NEVER);
        if (task.callbackUrl() != null) {
            callbacks.deliverAfter(durations[0].plus(durations[1]), task.callbackUrl(), () -> terminalEnvelope(task));
        }
        delay(script);
        LoopbackServer.json(exchange, 200, SimJson.envelope(200, "success", Map.of("taskId", task.id())));
    }

    private Optional<String> terminalEnvelope(SimTask task) {
        return task.terminalAt(options.clock().millis()) ? Optional.of(envelope(task)) : Optional.empty();
    }

    void status(HttpExchange exchange) throws IOException {
        statuses.incrementAndGet();
        Scripted script = scripted.get(Endpoint.STATUS).poll();
        if (scriptedError(script, exchange) || !authorized(exchange)) {
            return;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            error(exchange, 405, "Method not allowed", null);
            return;
        }
        String model = exchange.getRequestURI().getPath().substring(STATUS_PREFIX.length());
        if (!options.models().contains(model)) {
            error(exchange, 404, "Model not found: " + model, null);
            return;
        }
        String taskId = query(exchange.getRequestURI(), "taskId");
        if (taskId == null || taskId.isBlank()) {
            error(exchange, 400, "Invalid request", "Missing required parameter: taskId");
            return;
        }
        SimTask task = tasks.get(taskId);
        if (task == null || !task.model().equals(model)) {
            error(exchange, 404, "Task not found", null);
            return;
        }
        ledger.statusAsked(taskId, options.clock().millis());
        delay(script);
        LoopbackServer.json(exchange, 200, envelope(task));
    }

    void file(HttpExchange exchange) throws IOException {
        images.incrementAndGet();
        String[] parts = exchange.getRequestURI().getPath().split("/");
        SimTask task = parts.length == 4 ? tasks.get(parts[2]) : null;
        if (task == null || !exchange.getRequestMethod().equals("GET")) {
            LoopbackServer.respond(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8),
                    Map.of());
            return;
        }
        long request = imageRequests.computeIfAbsent(task.id(), id -> new AtomicLong()).incrementAndGet();
        Duration stall = stallFirstImage.get();
        if (stall != null && request == 1) {
            delay(new Scripted(0, 0, null, null, stall));
        }
        boolean jpg = parts[3].endsWith(".jpeg");
        LoopbackServer.respond(exchange, 200, jpg ? "image/jpeg" : "image/png", jpg ? jpeg : png, Map.of());
    }

    /** Image requests received for a task's results, answered or still held. */
    long imageRequestsOf(String taskId) {
        AtomicLong count = imageRequests.get(taskId);
        return count == null ? 0 : count.get();
    }

    void unknownPath(HttpExchange exchange) throws IOException {
        LoopbackServer.body(exchange);
        error(exchange, 404, "Not found", null);
    }

    private static boolean scriptedError(Scripted answer, HttpExchange exchange) throws IOException {
        if (answer == null || answer.delay() != null) {
            return false;
        }
        if (answer.retryAfterSeconds() != null) {
            exchange.getResponseHeaders().set("Retry-After", answer.retryAfterSeconds().toString());
        }
        LoopbackServer.json(exchange, answer.httpStatus(), SimJson.envelope(answer.bodyCode(), answer.message(),
                null));
        return true;
    }

    /** A scripted delay holds the answer of a call that was processed (a task created, a status read). */
    private static void delay(Scripted answer) {
        if (answer == null || answer.delay() == null) {
            return;
        }
        try {
            Thread.sleep(answer.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (("Bearer " + options.apiKey()).equals(header)) {
            return true;
        }
        error(exchange, 401, header == null ? "Missing API key" : "Invalid API key", null);
        return false;
    }

    private static void error(HttpExchange exchange, int status, String message, String detail) throws IOException {
        LoopbackServer.json(exchange, status, SimJson.envelope(status, message,
                detail == null ? null : Map.of("error", detail)));
    }

    private static String query(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
