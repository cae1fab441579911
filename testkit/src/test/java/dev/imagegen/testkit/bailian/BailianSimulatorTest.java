package dev.imagegen.testkit.bailian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.TaskLedger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator on its own, over raw HTTP: what it refuses, and how its tasks and answers look. */
class BailianSimulatorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String T2I = "/api/v1/services/aigc/text2image/image-synthesis";
    private static BailianSimulator gateway;
    private static BailianSimulator dashscope;

    @BeforeAll
    static void start() {
        gateway = BailianSimulator.start(SimOptions.defaults().pendingFor(Duration.ofMillis(150))
                .runningFor(Duration.ofMillis(150)));
        dashscope = BailianSimulator.start(BailianSimulator.Style.DASHSCOPE);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        dashscope.close();
    }

    @BeforeEach
    void reset() {
        gateway.reset();
        dashscope.reset();
    }

    @Test
    void refuses_a_wrong_key_in_each_styles_shape() throws Exception {
        Answer envelope = post(gateway, "/api/v1/images/generations", wan("1024*1024", 1), "sk-wrong", null);
        assertEquals(401, envelope.status());
        assertEquals(Map.of("success", false, "code", "401", "message", "Unauthorized"), envelope.json());
        Answer nativeAnswer = post(dashscope, T2I, wan("1024*1024", 1), "sk-wrong", "enable");
        assertEquals(401, nativeAnswer.status());
        assertEquals("InvalidApiKey", nativeAnswer.json().get("code"));
    }

    @Test
    void refuses_x_in_dashscope_sizes() throws Exception {
        Answer answer = submit(wan("1024x1024", 1));
        assertEquals(400, answer.status());
        assertTrue(answer.message().contains("asterisk"), answer.message());
    }

    @Test
    void refuses_a_dashscope_body_without_n() throws Exception {
        Answer answer = submit("{\"model\":\"wan2.2-t2i-flash\",\"input\":{\"prompt\":\"p\"},\"parameters\":{}}");
        assertEquals(400, answer.status());
        assertTrue(answer.message().contains("parameters.n is required"), answer.message());
    }

    @Test
    void refuses_wan_sizes_out_of_bounds_and_n_above_4() throws Exception {
        assertEquals(400, submit(wan("2048*2048", 1)).status());
        assertEquals(400, submit(wan("1024*500", 1)).status());
        assertEquals(400, submit(wan("1024*1024", 5)).status());
    }

    @Test
    void refuses_unknown_models() throws Exception {
        Answer answer = submit("{\"model\":\"wan9\",\"input\":{\"prompt\":\"p\"},\"parameters\":{\"n\":1}}");
        assertEquals(404, answer.status());
        assertEquals("ModelNotFound", answer.json().get("code"));
    }

    @Test
    void refuses_qwen_sizes_outside_its_five_and_more_than_one_image() throws Exception {
        assertEquals(400, submit(qwen("1024*1024", 1)).status());
        assertEquals(400, submit(qwen("1328*1328", 2)).status());
        assertEquals(200, submit(qwen("1664*928", 1)).status());
    }

    @Test
    void refuses_1k_for_seedream_4_5_in_arks_shape() throws Exception {
        Answer answer = submit(seedream("doubao-seedream-4-5-251128", "\"size\":\"1K\""));
        assertEquals(400, answer.status());
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) answer.json().get("error");
        assertEquals("InvalidParameter", error.get("code"));
        assertTrue(((String) error.get("message")).contains("not supported for model doubao-seedream-4-5"));
    }

    @Test
    void refuses_seedream_pixels_below_the_models_floor_and_mixed_sizes() throws Exception {
        assertEquals(400, submit(seedream("doubao-seedream-4-5-251128", "\"size\":\"1920x1080\"")).status());
        assertEquals(200, submit(seedream("doubao-seedream-4-0-250828", "\"size\":\"1920x1080\"")).status());
        Answer mixed = submit(seedream("doubao-seedream-4-0-250828", "\"size\":\"2Kx1024\""));
        assertEquals(400, mixed.status());
        assertTrue(mixed.body().contains("cannot be mixed"), mixed.body());
        assertEquals(400, submit(seedream("doubao-seedream-4-0-250828", "\"size\":\"2048*2048\"")).status());
    }

    @Test
    void refuses_too_many_references() throws Exception {
        String fifteen = "\"image\":[" + String.join(",", Collections.nCopies(15, "\"https://e.com/a.png\"")) + "]";
        assertEquals(400, submit(seedream("doubao-seedream-4-0-250828", fifteen)).status());
        String four = String.join(",", Collections.nCopies(4, "\"https://e.com/a.png\""));
        assertEquals(400, submit("{\"model\":\"wan2.5-i2i-preview\",\"input\":{\"prompt\":\"p\",\"images\":[" + four
                + "]},\"parameters\":{\"n\":1}}").status());
        assertEquals(400, submit("{\"model\":\"wan2.2-t2i-flash\",\"input\":{\"prompt\":\"p\",\"images\":"
                + "[\"https://e.com/a.png\"]},\"parameters\":{\"n\":1}}").status());
    }

    @Test
    void refuses_seed_and_n_for_seedream_4() throws Exception {
        assertEquals(400, submit(seedream("doubao-seedream-4-0-250828", "\"seed\":1")).status());
        assertEquals(400, submit(seedream("doubao-seedream-4-0-250828", "\"n\":1")).status());
    }

    @Test
    void refuses_a_native_async_call_without_the_async_header() throws Exception {
        Answer answer = post(dashscope, T2I, wan("1024*1024", 1), dashscope.apiKey(), null);
        assertEquals(403, answer.status());
        assertEquals("current user api does not support synchronous calls", answer.message());
        assertEquals(200, post(dashscope, T2I, wan("1024*1024", 1), dashscope.apiKey(), "enable").status());
    }

    @Test
    void refuses_a_model_on_another_familys_native_path_and_volcano_models() throws Exception {
        String qwenPath = "/api/v1/services/aigc/multimodal-generation/generation";
        assertEquals("url error, please check url!",
                post(dashscope, qwenPath, wan("1024*1024", 1), dashscope.apiKey(), null).message());
        assertEquals("Model not exist.", post(dashscope, T2I, seedream("doubao-seedream-4-0-250828", "\"size\":\"2K\""),
                dashscope.apiKey(), "enable").message());
    }

    @Test
    void moves_tasks_from_pending_through_running_to_succeeded() throws Exception {
        // a second in each state: a loaded machine's pauses between status calls cannot skip one
        try (BailianSimulator slow = BailianSimulator.start(SimOptions.defaults().pendingFor(Duration.ofSeconds(1))
                .runningFor(Duration.ofSeconds(1)))) {
            walksThroughTheStates(slow);
        }
    }

    private static void walksThroughTheStates(BailianSimulator sim) throws Exception {
        Answer created = post(sim, "/api/v1/images/generations", wan("1024*1024", 2), sim.apiKey(), null);
        assertEquals(true, created.json().get("success"));
        String taskId = (String) output(data(created)).get("task_id");
        assertEquals("PENDING", output(data(created)).get("task_status"));
        List<String> seen = new ArrayList<>();
        Map<String, Object> output;
        int polls = 0;
        do {
            output = output(data(get(sim, "/api/v1/tasks/" + taskId)));
            polls++;
            String state = (String) output.get("task_status");
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
                seen.add(state);
            }
            Thread.sleep(50);
        } while (!"SUCCEEDED".equals(output.get("task_status")));
        assertEquals(List.of("PENDING", "RUNNING", "SUCCEEDED"), seen);
        List<?> results = (List<?>) output.get("results");
        assertEquals(2, results.size());
        String url = (String) ((Map<?, ?>) results.get(0)).get("url");
        HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertEquals((byte) 0x89, image.body()[0]);
        TaskLedger.TaskTrace trace = sim.ledger().trace(taskId).orElseThrow();
        assertEquals(2000, trace.finishesMillis() - trace.createdMillis());
        assertEquals(polls, trace.statusCalls().size());
        assertTrue(trace.statusCalls().get(polls - 1) >= trace.finishesMillis(), trace.toString());
    }

    @Test
    void answers_sync_models_in_their_own_result_shapes() throws Exception {
        Map<String, Object> qwen = output(data(submit(qwen("1328*1328", 1))));
        Map<?, ?> message = (Map<?, ?>) ((Map<?, ?>) ((List<?>) qwen.get("choices")).get(0)).get("message");
        Map<?, ?> content = (Map<?, ?>) ((List<?>) message.get("content")).get(0);
        assertTrue(content.get("image").toString().contains("/results/"));
        Map<String, Object> ark = data(submit(seedream("doubao-seedream-4-0-250828", "\"size\":\"2K\"")));
        assertTrue(((Map<?, ?>) ((List<?>) ark.get("data")).get(0)).get("url").toString().endsWith("86400"));
    }

    @Test
    void fails_on_demand_with_a_200_envelope_or_a_status_and_retry_after() throws Exception {
        gateway.refuseNextSubmitInEnvelope("429", "Rate limit exceeded");
        Answer refused = submit(wan("1024*1024", 1));
        assertEquals(200, refused.status());
        assertEquals(false, refused.json().get("success"));
        gateway.failNextSubmit(429, null, 9);
        Answer throttled = submit(wan("1024*1024", 1));
        assertEquals(429, throttled.status());
        assertEquals("9", throttled.retryAfter());
    }

    @Test
    void reports_unknown_task_ids_as_unknown_with_200() throws Exception {
        Answer answer = get(dashscope, "/api/v1/tasks/nope");
        assertEquals(200, answer.status());
        assertEquals("UNKNOWN", output(answer.json()).get("task_status"));
    }

    private static String wan(String size, int n) {
        return "{\"model\":\"wan2.2-t2i-flash\",\"input\":{\"prompt\":\"p\"},\"parameters\":{\"size\":\"" + size
                + "\",\"n\":" + n + "}}";
    }

    private static String qwen(String size, int n) {
        return "{\"model\":\"qwen-image\",\"input\":{\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"text\":\"p\"}]}]},"
                + "\"parameters\":{\"size\":\"" + size + "\",\"n\":" + n + "}}";
    }

    private static String seedream(String model, String extra) {
        return "{\"model\":\"" + model + "\",\"prompt\":\"p\"," + extra + "}";
    }

    private static Answer submit(String body) throws Exception {
        return post(gateway, "/api/v1/images/generations", body, gateway.apiKey(), null);
    }

    private static Answer post(BailianSimulator sim, String path, String body, String key, String async)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (async != null) {
            request.header("X-DashScope-Async", async);
        }
        return answer(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer get(BailianSimulator sim, String path) throws Exception {
        return answer(HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Authorization", "Bearer " + sim.apiKey()).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Answer answer) {
        return (Map<String, Object>) answer.json().get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> output(Map<String, Object> upstream) {
        return (Map<String, Object>) upstream.get("output");
    }

    private record Answer(int status, String body, String retryAfter) {
        Map<String, Object> json() {
            return Json.parseObject(body);
        }

        String message() {
            return String.valueOf(json().get("message"));
        }
    }
}
