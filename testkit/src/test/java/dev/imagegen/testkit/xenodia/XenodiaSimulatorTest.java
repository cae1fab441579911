package dev.imagegen.testkit.xenodia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.TaskLedger;
import dev.imagegen.testkit.TestImages;
import io.micronaut.serde.ObjectMapper;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's own promises, spoken to with a plain HTTP client: strict refusals, states over time, images. */
class XenodiaSimulatorTest {

    private static final byte[] PNG = TestImages.png(8, 8, Color.GREEN);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static XenodiaSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = XenodiaSimulator.start(SimulatorOptions.defaults()
                .withDurations(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250)));
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void refuses_a_wrong_or_missing_key_with_401() throws Exception {
        Response wrong = post("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\"}", "Bearer nope");
        assertEquals(401, wrong.status);
        assertEquals("unauthorized", wrong.json().get("error"));
        assertEquals(401, post("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\"}", null).status);
        assertEquals(401, get("/v1/tasks/task_x", null).status);
    }

    @Test
    void refuses_what_xenodia_refuses_with_its_400_body() throws Exception {
        assertRefused("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\",\"n\":2}", "only n=1 is supported");
        assertRefused("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\",\"n\":\"1\"}", "n must be an integer");
        assertRefused("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\",\"response_format\":\"b64_json\"}",
                "only response_format=url is supported");
        assertRefused("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\",\"output_format\":\"jpeg\"}",
                "output_format 'jpeg'");
        assertRefused("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"output_format\":\"png\"}",
                "output_format is not supported for gpt-image-2");
        assertRefused("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\",\"aspect_ratio\":\"7:3\"}", "aspect_ratio '7:3'");
        assertRefused("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"aspect_ratio\":\"2:3\"}", "aspect_ratio '2:3'");
        assertRefused("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\",\"resolution\":\"8K\"}", "resolution '8K'");
        assertRefused("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"aspect_ratio\":\"auto\",\"resolution\":\"2K\"}",
                "cannot be used with resolution 2K");
        assertRefused("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"aspect_ratio\":\"1:1\",\"resolution\":\"4K\"}",
                "cannot be used with resolution 4K");
        assertRefused("{\"model\":\"nano-banana-pro\",\"prompt\":\"  \"}", "prompt is required");
        assertRefused("{\"prompt\":\"p\"}", "model is required");
        assertRefused("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\",\"channel_id\":9}", "channel_id 9");
        assertRefused("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\",\"image_input\":\"https://x.test/a.png\"}",
                "image_input must be an array");
        assertRefused("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\",\"image_input\":[\"ftp://x.test/a.png\"]}",
                "is not an http(s) URL");
        assertRefused("[1,2]", "must be a JSON object");
        assertRefused("{not json", "invalid JSON body");
    }

    @Test
    void refuses_an_unknown_model_as_unsupported_model() throws Exception {
        Response response = post("{\"model\":\"dall-e-3\",\"prompt\":\"p\"}", bearer());
        assertEquals(400, response.status);
        assertEquals("unsupported_model", response.json().get("error"));
    }

    @Test
    void counts_urls_and_files_together_against_the_reference_cap() throws Exception {
        List<String[]> fields = new ArrayList<>(List.of(new String[] {"model", "nano-banana-pro"},
                new String[] {"prompt", "p"}));
        for (int i = 0; i < 5; i++) {
            fields.add(new String[] {"image_input[]", "https://example.com/" + i + ".png"});
        }
        List<Object[]> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            files.add(new Object[] {"image[]", "r" + i + ".png", "image/png", PNG});
        }
        assertRefused(postMultipart(fields, files), "image_input accepts at most 8 references");
        files.remove(0);
        assertEquals(202, postMultipart(fields, files).status);
    }

    @Test
    void refuses_files_of_a_wrong_type_too_large_or_not_what_they_claim() throws Exception {
        List<String[]> fields = List.of(new String[] {"model", "gpt-image-2"}, new String[] {"prompt", "p"});
        assertRefused(postMultipart(fields, List.<Object[]>of(new Object[] {"image[]", "a.gif", "image/gif", PNG})),
                "unsupported type image/gif");
        assertRefused(postMultipart(fields, List.<Object[]>of(new Object[] {"image[]", "a.png", "image/jpeg", PNG})),
                "is not a valid image/jpeg");
        byte[] huge = Arrays.copyOf(PNG, 31_457_281);
        assertRefused(postMultipart(fields, List.<Object[]>of(new Object[] {"image[]", "big.png", "image/png", huge})),
                "exceeds 30MB");
        assertRefused(postMultipart(fields, List.<Object[]>of(new Object[] {"image_input[]", "a.png", "image/png", PNG})),
                "takes URLs");
    }

    @Test
    void refuses_a_scalar_field_given_twice_in_multipart() throws Exception {
        assertRefused(postMultipart(List.of(new String[] {"model", "gpt-image-2"}, new String[] {"prompt", "p"},
                new String[] {"n", "1"}, new String[] {"n", "1"}), List.of()), "n was given more than once");
    }

    @Test
    void moves_a_task_through_waiting_queuing_generating_to_success_and_serves_its_png() throws Exception {
        String id = taskId(post("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\"}", bearer()));
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Map<String, Object> task = Map.of();
        int polls = 0;
        while (!"success".equals(task.get("state")) && System.nanoTime() < deadline) {
            task = get("/v1/tasks/" + id, bearer()).json();
            polls++;
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(task.get("state"))) {
                seen.add((String) task.get("state"));
            }
            Thread.sleep(20);
        }
        assertEquals("waiting", seen.get(0));
        assertEquals("success", seen.get(seen.size() - 1));
        assertEquals(List.of("waiting", "queuing", "generating", "success"),
                seen.stream().distinct().sorted(java.util.Comparator.comparingInt(
                        List.of("waiting", "queuing", "generating", "success")::indexOf)).toList());
        String url = (String) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) task.get("result")).get("data")).get(0)).get("url");
        byte[] image = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertEquals((byte) 0x89, image[0]);
        assertEquals(100, ((Number) task.get("progress")).intValue());
        TaskLedger.TaskTrace trace = simulator.ledger().trace(id).orElseThrow();
        assertEquals(simulator.options().total().toMillis(), trace.finishesMillis() - trace.createdMillis());
        assertEquals(polls, trace.statusCalls().size());
        assertTrue(trace.statusCalls().get(polls - 1) >= trace.finishesMillis(), trace.toString());
    }

    @Test
    void serves_a_jpeg_when_jpg_was_asked() throws Exception {
        simulator.respondWith(ResponseMode.SYNC);
        Map<String, Object> done = post("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\",\"output_format\":\"jpg\"}",
                bearer()).json();
        String url = (String) ((Map<?, ?>) ((List<?>) done.get("data")).get(0)).get("url");
        assertTrue(url.endsWith(".jpg"), url);
        byte[] image = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertEquals((byte) 0xFF, image[0]);
        assertEquals((byte) 0xD8, image[1]);
    }

    @Test
    void answers_like_the_older_docs_in_legacy_mode() throws Exception {
        simulator.respondWith(ResponseMode.LEGACY);
        assertEquals(200, post("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\"}", bearer()).status);
        assertEquals(202, post("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\",\"async\":true}", bearer()).status);
    }

    @Test
    void a_failing_task_carries_its_code_and_releases_its_reservation() throws Exception {
        simulator.failTasksWith("content_policy_violation");
        simulator.pinTasksTo("fail");
        String id = taskId(post("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\"}", bearer()));
        Map<String, Object> task = get("/v1/tasks/" + id, bearer()).json();
        assertEquals(Map.of("code", "content_policy_violation",
                "message", "The request was rejected by content moderation."), task.get("error"));
        assertEquals("released", ((Map<?, ?>) task.get("billing")).get("status"));
    }

    @Test
    void a_task_bills_its_tier_price_unless_billing_reports_are_switched_off() throws Exception {
        simulator.pinTasksTo("success");
        String id = taskId(post("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"aspect_ratio\":\"16:9\","
                + "\"resolution\":\"4K\"}", bearer()));
        Map<?, ?> billing = (Map<?, ?>) get("/v1/tasks/" + id, bearer()).json().get("billing");
        assertEquals("committed", billing.get("status"));
        assertEquals(250_000, ((Number) billing.get("actual_amount_micro_usdc")).intValue());
        String open = taskId(post("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\"}", bearer()));
        assertEquals(134_000, ((Number) ((Map<?, ?>) get("/v1/tasks/" + open, bearer()).json().get("billing"))
                .get("actual_amount_micro_usdc")).intValue(), "an open resolution is 1K");

        simulator.reportBilling(false);
        assertTrue(!get("/v1/tasks/" + id, bearer()).json().containsKey("billing"));
    }

    @Test
    void an_unknown_task_is_404_and_its_images_are_not_served() throws Exception {
        assertEquals(404, get("/v1/tasks/task_nope", bearer()).status);
        assertEquals(404, get("/files/task_nope/0.png", null).status);
    }

    @Test
    void answers_injected_errors_with_retry_after() throws Exception {
        simulator.failNextSubmits(2, 429, null, 5);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> throttled = HTTP.send(submitRequest("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\"}"),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(429, throttled.statusCode());
            assertEquals("5", throttled.headers().firstValue("Retry-After").orElse(null));
        }
        assertEquals(202, post("{\"model\":\"nano-banana-pro\",\"prompt\":\"p\"}", bearer()).status);
        assertEquals(3, simulator.counters().submits());
    }

    @Test
    void serves_model_discovery_as_a_list_without_a_key_and_can_fail_it() throws Exception {
        Response list = get("/v1/models", null);
        assertEquals(200, list.status);
        assertEquals("list", list.json().get("object"));
        List<?> models = (List<?>) list.json().get("data");
        assertEquals(List.of("nano-banana-pro", "gpt-image-2"), models.stream().map(m -> ((Map<?, ?>) m).get("id"))
                .toList());
        Map<?, ?> capabilities = (Map<?, ?>) ((Map<?, ?>) models.get(1)).get("capabilities");
        assertEquals(16, ((Number) ((Map<?, ?>) capabilities.get("reference_input")).get("max_items")).intValue());
        simulator.failDiscovery(true);
        assertEquals(503, get("/v1/models", null).status);
    }

    private record Response(int status, String body) {
        Map<String, Object> json() throws Exception {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = ObjectMapper.getDefault().readValue(body, Map.class);
            return map;
        }
    }

    private static String bearer() {
        return "Bearer " + simulator.apiKey();
    }

    private static void assertRefused(String json, String messagePart) throws Exception {
        assertRefused(post(json, bearer()), messagePart);
    }

    private static void assertRefused(Response response, String messagePart) throws Exception {
        assertEquals(400, response.status, response.body);
        assertEquals("bad_request", response.json().get("error"));
        assertTrue(((String) response.json().get("message")).contains(messagePart), response.body);
    }

    private static String taskId(Response response) throws Exception {
        assertEquals(202, response.status, response.body);
        return (String) response.json().get("task_id");
    }

    private static HttpRequest submitRequest(String json) {
        return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/images/generations"))
                .header("Authorization", bearer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static Response post(String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/images/generations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    /** Text fields as {name, value}; files as {name, fileName, contentType, bytes}. */
    private static Response postMultipart(List<String[]> fields, List<Object[]> files) throws Exception {
        String boundary = "sim-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : fields) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Object[] file : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file[0] + "\"; filename=\""
                    + file[1] + "\"\r\nContent-Type: " + file[2] + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write((byte[]) file[3]);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/images/generations"))
                .header("Authorization", bearer()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    private static Response get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }
}
