package dev.imagegen.testkit.bailian;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The simulated vendors' JSON answers, in their own shapes. */
final class SimAnswers {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.ofHours(8));

    private final String baseUrl;

    SimAnswers(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static Map<String, Object> created(String taskId) {
        return Json.obj("request_id", requestId(), "output", Json.obj("task_id", taskId, "task_status", "PENDING"));
    }

    static Map<String, Object> unknownTask(String taskId) {
        return Json.obj("request_id", requestId(), "output", Json.obj("task_id", taskId, "task_status", "UNKNOWN"));
    }

    /** A task as {@code GET /api/v1/tasks/{id}} shows it in the given state. */
    Map<String, Object> task(SimTask task, String state) {
        Map<String, Object> output = Json.obj("task_id", task.id(), "task_status", state,
                "submit_time", TIME.format(task.createdAt()));
        if (!state.equals("PENDING") && !state.equals("UNKNOWN")) {
            output.put("scheduled_time", TIME.format(task.createdAt().plusMillis(40)));
        }
        Map<String, Object> answer = Json.obj("request_id", requestId(), "output", output);
        switch (state) {
            case "SUCCEEDED" -> {
                output.put("end_time", TIME.format(Instant.now()));
                List<Map<String, Object>> results = new ArrayList<>();
                int good = Math.max(1, task.n() - task.failedImages());
                for (int i = 0; i < task.n(); i++) {
                    results.add(i < good
                            ? Json.obj("url", imageUrl(task.id(), i, "png") + "?Expires=" + expires(),
                                    "orig_prompt", "(prompt)")
                            : Json.obj("code", "InternalError.Timeout", "message", "Image generation timed out."));
                }
                output.put("results", results);
                output.put("task_metrics", Json.obj("TOTAL", task.n(), "SUCCEEDED", good, "FAILED", task.n() - good));
                answer.put("usage", Json.obj("image_count", good));
            }
            case "FAILED" -> {
                output.put("end_time", TIME.format(Instant.now()));
                String code = task.failCode() != null ? task.failCode()
                        : task.failedImages() > 0 ? "InternalError.Timeout" : "InternalError";
                output.put("code", code);
                output.put("message", "Simulated failure: " + code);
            }
            default -> {
            }
        }
        return answer;
    }

    /** qwen-image's synchronous answer (multimodal-generation protocol). */
    Map<String, Object> qwenResult(String id, String size) {
        String[] sides = size.split("\\*");
        Map<String, Object> message = Json.obj("role", "assistant",
                "content", List.of(Json.obj("image", imageUrl(id, 0, "png") + "?Expires=" + expires())));
        return Json.obj("request_id", requestId(),
                "output", Json.obj("choices", List.of(Json.obj("finish_reason", "stop", "message", message)),
                        "task_metric", Json.obj("TOTAL", 1, "SUCCEEDED", 1, "FAILED", 0)),
                "usage", Json.obj("width", Integer.parseInt(sides[0]), "height", Integer.parseInt(sides[1]),
                        "image_count", 1));
    }

    /** Ark's synchronous answer: one image, then one error item per image told to fail. */
    Map<String, Object> arkResult(String id, Map<String, Object> request, int failedImages, String b64) {
        String model = (String) request.get("model");
        String asked = request.get("size") instanceof String s ? s : "2K";
        String size = switch (asked) {
            case "1K" -> "1024x1024";
            case "2K" -> "2048x2048";
            case "4K" -> "4096x4096";
            default -> asked;
        };
        boolean base64 = "b64_json".equals(request.get("response_format"));
        List<Map<String, Object>> data = new ArrayList<>();
        data.add(base64 ? Json.obj("b64_json", b64, "size", size)
                : Json.obj("url", imageUrl(id, 0, "jpeg") + "?X-Tos-Expires=86400", "size", size));
        for (int i = 0; i < failedImages; i++) {
            data.add(Json.obj("error", Json.obj("code", "OutputImageSensitiveContentDetected",
                    "message", "The output image may contain sensitive information.")));
        }
        return Json.obj("model", model, "created", Instant.now().getEpochSecond(), "data", data,
                "usage", Json.obj("generated_images", 1, "output_tokens", 16384, "total_tokens", 16384));
    }

    static Map<String, Object> envelope(Object data) {
        return Json.obj("success", true, "code", "200", "message", "successful", "data", data);
    }

    static Map<String, Object> envelopeError(String code, String message) {
        return Json.obj("success", false, "code", code, "message", message);
    }

    static Map<String, Object> errorObject(String code, String message) {
        return Json.obj("error", Json.obj("code", code, "message", message));
    }

    static Map<String, Object> dashScopeError(String code, String message) {
        return Json.obj("request_id", requestId(), "code", code, "message", message);
    }

    static Map<String, Object> arkError(Refusal refusal) {
        return Json.obj("error", Json.obj("code", refusal.code(), "message", refusal.message()
                + " Request id: " + requestId(),
                "type", refusal.status() >= 500 ? "InternalServiceError" : "BadRequest"));
    }

    String imageUrl(String taskId, int index, String extension) {
        return baseUrl + "/results/" + taskId + "/" + index + "." + extension;
    }

    private static long expires() {
        return Instant.now().plusSeconds(86_400).getEpochSecond();
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }
}
