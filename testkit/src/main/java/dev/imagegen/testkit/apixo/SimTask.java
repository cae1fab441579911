package dev.imagegen.testkit.apixo;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task the simulator accepted. Its state is a function of its age: no timers run per task.
 *
 * @param id           the task id, {@code task_...}
 * @param model        the model it was submitted to
 * @param createdAt    Unix milliseconds
 * @param pendingMs    how long it reports {@code pending}
 * @param processingMs how long it then reports {@code processing}
 * @param failCode     the failure it ends with, or null for success
 * @param pinnedState  a state it reports forever, or null to move through the states
 * @param outputFormat {@code png} or {@code jpeg}
 * @param callbackUrl  where to POST the finished task, or null (request_type async)
 */
record SimTask(String id, String model, long createdAt, long pendingMs, long processingMs, String failCode,
               String pinnedState, String outputFormat, URI callbackUrl) {

    static final String DEFAULT_FAIL_CODE = "GENERATION_FAILED";

    private static final Map<String, String> FAIL_MESSAGES = Map.of(
            "CONTENT_VIOLATION", "Content does not meet safety guidelines",
            "INVALID_IMAGE_URL", "Unable to access image URL",
            "IMAGE_TOO_LARGE", "Image exceeds 10MB",
            "UNSUPPORTED_FORMAT", "Image format must be JPEG, PNG or WebP",
            "PROMPT_TOO_LONG", "Prompt exceeds the maximum length",
            "INSUFFICIENT_CREDITS", "Insufficient credits",
            "PROCESSING_TIMEOUT", "Processing timed out");

    long completeTime() {
        return createdAt + pendingMs + processingMs;
    }

    String stateAt(long now) {
        if (pinnedState != null) {
            return pinnedState;
        }
        long age = now - createdAt;
        if (age < pendingMs) {
            return "pending";
        }
        if (age < pendingMs + processingMs) {
            return "processing";
        }
        return failCode == null ? "success" : "failed";
    }

    boolean terminalAt(long now) {
        String state = stateAt(now);
        return state.equals("success") || state.equals("failed");
    }

    /** The {@code data} of statusTask (and of a callback) at this time. */
    Map<String, Object> data(long now, URI baseUrl) {
        String state = stateAt(now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", id);
        data.put("state", state);
        if (state.equals("success")) {
            data.put("resultJson", SimJson.string(Map.of("resultUrls", List.of(resultUrl(baseUrl)))));
        } else if (state.equals("failed")) {
            String code = failCode == null ? DEFAULT_FAIL_CODE : failCode;
            data.put("failCode", code);
            data.put("failMsg", FAIL_MESSAGES.getOrDefault(code, "Generation failed (" + code + ")"));
        }
        data.put("createTime", createdAt);
        if (state.equals("success") || state.equals("failed")) {
            data.put("completeTime", Math.max(createdAt, Math.min(now, completeTime())));
        }
        if (state.equals("success")) {
            data.put("costTime", Math.max(0, Math.min(now, completeTime()) - createdAt));
        }
        return data;
    }

    String resultUrl(URI baseUrl) {
        return baseUrl + "/files/" + id + "/0." + outputFormat;
    }
}
