package dev.imagegen.testkit.bailian;

import com.sun.net.httpserver.HttpExchange;
import dev.imagegen.testkit.LoopbackServer;
import dev.imagegen.testkit.TestImages;
import dev.imagegen.testkit.TaskLedger;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Answers the simulator's HTTP requests: routes them, checks them, keeps the tasks. Thread-safe. */
final class SimHandler {

    final LongAdder submits = new LongAdder();
    final LongAdder polls = new LongAdder();
    final LongAdder cancels = new LongAdder();
    final LongAdder images = new LongAdder();
    final Map<String, SimTask> tasks = new ConcurrentHashMap<>();
    final TaskLedger ledger = new TaskLedger();
    private final byte[] png = TestImages.png(64, 64, Color.ORANGE);
    private final byte[] jpeg = TestImages.jpeg(64, 64, Color.CYAN);
    private final SimOptions options;
    private final SimInstructions instructions;
    private final SimRecorder recorder;
    private final SimReplies replies;
    private volatile SimAnswers answers;

    SimHandler(SimOptions options, SimInstructions instructions, SimRecorder recorder) {
        this.options = options;
        this.instructions = instructions;
        this.recorder = recorder;
        this.replies = new SimReplies(options.style);
    }

    /** Sets where result images are served, once the server's port is known. */
    void servingAt(String baseUrl) {
        answers = new SimAnswers(baseUrl);
    }

    private BailianSimulator.ErrorShape shape() {
        return instructions.errorShape;
    }

    void handle(HttpExchange exchange) throws IOException {
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
            replies.refuseStatus(exchange, 401, null, null, shape());
            return;
        }
        SimRoutes.Route route = SimRoutes.of(options.style, method, path);
        switch (route.kind()) {
            case SUBMIT -> submit(exchange, path, body);
            case POLL -> poll(exchange, route.taskId());
            case CANCEL -> cancel(exchange, route.taskId());
            case NOT_FOUND -> {
                if (route.refusal().isPresent()) {
                    replies.refuse(exchange, route.refusal().get(), shape());
                } else {
                    SimReplies.send(exchange, 404, Json.obj("code", "NotFound", "message", "no route " + path), null);
                }
            }
        }
    }

    private void submit(HttpExchange exchange, String path, String body) throws IOException {
        submits.increment();
        pause(instructions.submitDelay);
        SimInstructions.Injected injected = instructions.nextSubmitFailure.getAndSet(null);
        if (injected != null) {
            if (injected.envelopeMessage() != null) {
                SimReplies.send(exchange, 200, SimAnswers.envelopeError(injected.code(), injected.envelopeMessage()),
                        null);
            } else {
                replies.refuseStatus(exchange, injected.status(), injected.code(), injected.retryAfter(), shape());
            }
            return;
        }
        Map<String, Object> json = Json.parseObject(body);
        if (json == null) {
            replies.refuse(exchange, Refusal.invalid("The request body is not a JSON object"), shape());
            return;
        }
        SimFamily family = SimFamily.of(json.get("model"));
        Refusal refusal = SimRoutes.check(options.style, family, json.get("model"), path,
                exchange.getRequestHeaders().getFirst("X-DashScope-Async"));
        if (refusal == null && family != null) {
            refusal = family.ark() ? ArkRules.check(family, json) : DashScopeRules.check(family, json);
        }
        if (refusal != null) {
            if (family != null && family.ark() && options.style == BailianSimulator.Style.GATEWAY) {
                replies.ark(exchange, refusal);
            } else {
                replies.refuse(exchange, refusal, shape());
            }
            return;
        }
        answer(exchange, family, json);
    }

    private void answer(HttpExchange exchange, SimFamily family, Map<String, Object> json) throws IOException {
        String id = UUID.randomUUID().toString();
        String code = instructions.failCode;
        if (family.async) {
            int n = ((Number) Json.objectAt(json, "parameters").get("n")).intValue();
            SimTask task = new SimTask(id, (String) json.get("model"), n, System.nanoTime(), Instant.now(), code,
                    instructions.pinnedState, instructions.failedImages, false);
            tasks.put(id, task);
            long created = task.createdAt().toEpochMilli();
            ledger.created(id, created, task.pinnedState() == null
                    ? created + options.pendingFor.plus(options.runningFor).toMillis() : TaskLedger.NEVER);
            replies.ok(exchange, SimAnswers.created(id));
        } else if (code != null) {
            Refusal failure = new Refusal(Refusal.statusOf(code), code, "Simulated failure: " + code);
            if (family.ark()) {
                replies.ark(exchange, failure);
            } else {
                replies.refuse(exchange, failure, shape());
            }
        } else if (family.ark()) {
            String b64 = Base64.getEncoder().encodeToString(jpeg);
            replies.ok(exchange, answers.arkResult(id, json, instructions.failedImages, b64));
        } else {
            Object size = Json.objectAt(json, "parameters").get("size");
            replies.ok(exchange, answers.qwenResult(id, size instanceof String s ? s : "1328*1328"));
        }
    }

    private void poll(HttpExchange exchange, String taskId) throws IOException {
        polls.increment();
        SimInstructions.Injected injected = instructions.nextPollFailure.getAndSet(null);
        if (injected != null) {
            replies.refuseStatus(exchange, injected.status(), injected.code(), injected.retryAfter(), shape());
            return;
        }
        SimTask task = tasks.get(taskId);
        ledger.statusAsked(taskId, System.currentTimeMillis());
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
                    "Failed to cancel the task, please confirm if the task is in PENDING status."), shape());
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

}
