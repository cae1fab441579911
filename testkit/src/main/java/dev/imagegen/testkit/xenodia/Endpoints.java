package dev.imagegen.testkit.xenodia;

import com.sun.net.httpserver.HttpExchange;
import dev.imagegen.testkit.LoopbackServer;
import dev.imagegen.testkit.TestImages;
import io.micronaut.serde.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Supplier;

/** The simulated endpoints: how each call is answered, given the simulator's state and instructions. */
final class Endpoints {

    private static final byte[] PNG = TestImages.png(64, 64, Color.ORANGE);
    private static final byte[] JPEG = TestImages.jpeg(64, 64, Color.ORANGE);

    private final SimulatorOptions options;
    private final SimState state;
    private final TaskBook tasks;
    private final Supplier<URI> baseUrl;

    Endpoints(SimulatorOptions options, SimState state, TaskBook tasks, Supplier<URI> baseUrl) {
        this.options = options;
        this.state = state;
        this.tasks = tasks;
        this.baseUrl = baseUrl;
    }

    VendorAnswer submit(HttpExchange exchange) throws IOException {
        state.submitCalls.incrementAndGet();
        if (!exchange.getRequestMethod().equals("POST")) {
            return VendorAnswer.error(405, "method_not_allowed", "use POST", null);
        }
        byte[] body = LoopbackServer.body(exchange);
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, Object> fields = new LinkedHashMap<>();
        List<UploadedFile> files = new ArrayList<>();
        VendorAnswer answer = answerSubmit(exchange, contentType, body, fields, files);
        state.record(new ReceivedSubmit(contentType, fields, files, answer.status()));
        SimState.stall(state.submitStall);
        return answer;
    }

    private VendorAnswer answerSubmit(HttpExchange exchange, String contentType, byte[] body,
                                      Map<String, Object> fields, List<UploadedFile> files) {
        VendorAnswer injected = injected(state.submitFailures, exchange);
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
            SubmitValidator.Valid valid = parts == null ? SubmitValidator.json(fields, state.models)
                    : SubmitValidator.multipart(parts, files, state.models);
            return accept(valid);
        } catch (SubmitValidator.Refused e) {
            return VendorAnswer.error(e.status, e.error, e.getMessage(), null);
        }
    }

    private VendorAnswer accept(SubmitValidator.Valid valid) {
        ResponseMode mode = state.mode;
        boolean sync = mode == ResponseMode.SYNC
                || (mode == ResponseMode.LEGACY && !Boolean.TRUE.equals(valid.async()));
        String failure = state.failCode;
        if (sync && failure != null) {
            return failure.equals("content_policy_violation") || failure.equals("invalid_reference")
                    ? VendorAnswer.error(400, failure, TaskBook.failureMessage(failure), null)
                    : VendorAnswer.error(502, "image_generation_failed", TaskBook.failureMessage(failure), null);
        }
        TaskBook.SimTask task = tasks.create(valid, sync ? "success" : state.pinnedState, failure);
        if (sync) {
            return VendorAnswer.of(200, SimulatedModel.orderedMap("created", task.createdEpochSeconds(),
                    "data", List.of(Map.of("url", TaskBook.imageUrl(baseUrl.get(), task).toString()))));
        }
        Map<String, Object> envelope = tasks.envelope(task, tasks.stateOf(task));
        if (state.pollUrlFormat != null) {
            envelope.put("poll_url", String.format(state.pollUrlFormat, task.id()));
        }
        return VendorAnswer.of(202, envelope);
    }

    VendorAnswer poll(HttpExchange exchange) {
        state.pollCalls.incrementAndGet();
        if (!exchange.getRequestMethod().equals("GET")) {
            return VendorAnswer.error(405, "method_not_allowed", "use GET", null);
        }
        VendorAnswer injected = injected(state.pollFailures, exchange);
        if (injected != null) {
            return injected;
        }
        if (!authorized(exchange)) {
            return unauthorized(exchange);
        }
        state.lastStatusCall.set(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        String id = exchange.getRequestURI().getPath().substring("/v1/tasks/".length());
        Optional<TaskBook.SimTask> task = tasks.find(id);
        tasks.ledger.statusAsked(id, System.currentTimeMillis());
        SimState.stall(state.pollStall);
        return task.map(t -> VendorAnswer.of(200, tasks.taskJson(t, baseUrl.get(), state.reportBilling)))
                .orElseGet(() -> VendorAnswer.error(404, "not_found", "task '" + id + "' not found", null));
    }

    VendorAnswer models(HttpExchange exchange) {
        state.modelCalls.incrementAndGet();
        if (!exchange.getRequestMethod().equals("GET")) {
            return VendorAnswer.error(405, "method_not_allowed", "use GET", null);
        }
        SimState.stall(state.discoveryStall);
        if (state.discoveryDown) {
            return VendorAnswer.error(503, "service_unavailable", "model discovery is temporarily unavailable", null);
        }
        List<Object> items = state.models.values().stream().map(m -> (Object) m.discoveryItem()).toList();
        return VendorAnswer.of(200, SimulatedModel.orderedMap("object", "list", "data", items));
    }

    void file(HttpExchange exchange) throws IOException {
        state.fileCalls.incrementAndGet();
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

    interface Endpoint {
        VendorAnswer answer() throws IOException;
    }

    static void handle(HttpExchange exchange, Endpoint endpoint) throws IOException {
        VendorAnswer answer;
        try {
            answer = endpoint.answer();
        } catch (RuntimeException e) {
            answer = VendorAnswer.error(500, "internal_error", "simulator bug: " + e, null);
        }
        byte[] json = ObjectMapper.getDefault().writeValueAsBytes(answer.json());
        try {
            LoopbackServer.respond(exchange, answer.status(), "application/json", json, answer.headers());
        } catch (IOException e) {
            exchange.close();
        }
    }

    private VendorAnswer injected(Queue<SimState.Injected> queue, HttpExchange exchange) {
        SimState.Injected next = queue.poll();
        if (next == null) {
            return null;
        }
        if (next.status() == 401 && next.code() == null) {
            return unauthorized(exchange);
        }
        return VendorAnswer.error(next.status(), next.code(), null, next.retryAfterSeconds());
    }

    private boolean authorized(HttpExchange exchange) {
        return ("Bearer " + options.apiKey()).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private VendorAnswer unauthorized(HttpExchange exchange) {
        String presented = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        return VendorAnswer.error(401, "unauthorized", "missing or invalid bearer token"
                + (state.echoPresentedKey ? ": " + presented.replaceFirst("^Bearer ", "") : ""), null);
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

}
