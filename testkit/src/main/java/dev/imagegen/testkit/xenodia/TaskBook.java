package dev.imagegen.testkit.xenodia;

import dev.imagegen.testkit.TaskLedger;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's tasks: no timers and no thread per task; a task's state is computed from its creation time and
 * the configured durations (or its pinned state) whenever it is asked for.
 */
final class TaskBook {

    static final Set<String> SUCCESS_WORDS = Set.of("success", "succeeded", "completed", "complete");
    static final Set<String> FAILURE_WORDS = Set.of("fail", "failed", "error", "errored");

    /** One task: what it was asked, how it is to end, and its tier price in micro-USDC (null: no tier). */
    record SimTask(String id, String model, long createdNanos, long createdEpochSeconds, String pinnedState,
                   String failCode, String imageExtension, Map<String, Object> request, Long priceMicroUsdc) {
    }

    private final Map<String, SimTask> tasks = new ConcurrentHashMap<>();
    final TaskLedger ledger = new TaskLedger();
    private final SimulatorOptions options;

    TaskBook(SimulatorOptions options) {
        this.options = options;
    }

    SimTask create(SubmitValidator.Valid submit, String pinnedState, String failCode) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("model", submit.model().id());
        request.put("prompt", submit.prompt());
        request.put("aspect_ratio", submit.aspectRatio() == null ? "1:1" : submit.aspectRatio());
        request.put("resolution", submit.resolution() == null ? "1K" : submit.resolution());
        if (!submit.model().outputFormats().isEmpty()) {
            request.put("output_format", submit.outputFormat() == null ? "png" : submit.outputFormat());
        }
        request.put("reference_count", submit.imageInputs().size() + submit.files().size());
        SimTask task = new SimTask("task_" + UUID.randomUUID().toString().replace("-", ""), submit.model().id(),
                System.nanoTime(), System.currentTimeMillis() / 1000, pinnedState, failCode,
                "jpg".equals(submit.outputFormat()) ? "jpg" : "png", request,
                submit.model().priceOf((String) request.get("resolution")));
        tasks.put(task.id(), task);
        long now = System.currentTimeMillis();
        ledger.created(task.id(), now, pinnedState == null ? now + options.total().toMillis() : TaskLedger.NEVER);
        return task;
    }

    Optional<SimTask> find(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    int size() {
        return tasks.size();
    }

    String stateOf(SimTask task) {
        if (task.pinnedState() != null) {
            return task.pinnedState();
        }
        long elapsed = System.nanoTime() - task.createdNanos();
        if (elapsed < options.waiting().toNanos()) {
            return "waiting";
        }
        if (elapsed < options.waiting().plus(options.queuing()).toNanos()) {
            return "queuing";
        }
        if (elapsed < options.total().toNanos()) {
            return "generating";
        }
        return task.failCode() != null ? "fail" : "success";
    }

    boolean succeeded(SimTask task) {
        return SUCCESS_WORDS.contains(stateOf(task));
    }

    static URI imageUrl(URI base, SimTask task) {
        return URI.create(base + "/files/" + task.id() + "/0." + task.imageExtension());
    }

    /** The {@code GET /v1/tasks/{id}} body, with its {@code billing} where {@code billing} is true. */
    Map<String, Object> taskJson(SimTask task, URI base, boolean billing) {
        String state = stateOf(task);
        boolean success = SUCCESS_WORDS.contains(state);
        boolean failure = FAILURE_WORDS.contains(state);
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> json = envelope(task, state);
        json.put("request_id", "req_" + task.id().substring(5, 17));
        json.put("request", task.request());
        json.put("result", success ? Map.of("created", now, "data", List.of(Map.of("url", imageUrl(base, task)
                .toString()))) : Map.of());
        String code = task.failCode() == null ? "image_generation_failed" : task.failCode();
        json.put("error", failure ? SimulatedModel.orderedMap("code", code, "message", failureMessage(code)) : Map.of());
        json.put("progress", progress(task, state, success || failure));
        if (billing) {
            json.put("billing", billing(task.priceMicroUsdc() == null ? 0 : task.priceMicroUsdc(), success, failure));
        }
        json.put("updated_at", now);
        json.put("completed_at", success || failure ? now : null);
        return json;
    }

    /** The 202 answer to a submit, and the head of every task body. */
    Map<String, Object> envelope(SimTask task, String state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task_id", task.id());
        json.put("object", "task");
        json.put("model", task.model());
        json.put("type", "image");
        json.put("state", state);
        json.put("created_at", task.createdEpochSeconds());
        json.put("poll_url", "/v1/tasks/" + task.id());
        json.put("capability_slug", "image-generation");
        json.put("capability_version", "v1");
        json.put("recommended_poll_interval_ms", options.recommendedPollIntervalMs());
        json.put("eta_hint_seconds", options.etaHints() && !SUCCESS_WORDS.contains(state)
                && !FAILURE_WORDS.contains(state) ? secondsLeft(task) : 0);
        return json;
    }

    private long secondsLeft(SimTask task) {
        long left = options.total().toNanos() - (System.nanoTime() - task.createdNanos());
        return Math.max(1, (long) Math.ceil(left / 1e9));
    }

    private int progress(SimTask task, String state, boolean terminal) {
        if (terminal) {
            return 100;
        }
        if (!state.equals("generating") || options.generating().isZero()) {
            return 0;
        }
        long into = System.nanoTime() - task.createdNanos() - options.waiting().plus(options.queuing()).toNanos();
        return (int) Math.min(95, Math.max(1, 100 * into / options.generating().toNanos()));
    }

    /** The task's tier price reserved, then committed on success or released on failure. */
    private static Map<String, Object> billing(long price, boolean success, boolean failure) {
        String status = success ? "committed" : failure ? "released" : "reserved";
        return SimulatedModel.orderedMap("status", status, "reserve_amount_micro_usdc", price,
                "actual_amount_micro_usdc", success ? price : 0, "released_amount_micro_usdc", failure ? price : 0);
    }

    static String failureMessage(String code) {
        return switch (code) {
            case "content_policy_violation" -> "The request was rejected by content moderation.";
            case "invalid_reference" -> "A reference image could not be fetched or decoded.";
            default -> "Upstream image generation failed.";
        };
    }
}
