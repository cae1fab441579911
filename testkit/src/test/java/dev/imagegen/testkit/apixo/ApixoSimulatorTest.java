package dev.imagegen.testkit.apixo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.TaskLedger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator refuses what Apixo refuses, in Apixo's words, and moves tasks through Apixo's states. */
class ApixoSimulatorTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ApixoSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = ApixoSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void a_valid_body_is_accepted_with_a_task_id() throws Exception {
        HttpResponse<String> response = submit("nano-banana-pro", simulator.apiKey(),
                "{\"request_type\":\"async\",\"provider\":\"value\",\"input\":{\"mode\":\"text-to-image\","
                        + "\"prompt\":\"a cafe\",\"aspect_ratio\":\"3:2\",\"resolution\":\"2K\",\"output_format\":\"png\"}}");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().matches("\\{\"code\":200,\"message\":\"success\",\"data\":\\{\"taskId\":\"task_\\w+\"}}"),
                response.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing input.prompt        | {"input":{"mode":"text-to-image"}}                                          | Missing required field: input.prompt
            missing input               | {"request_type":"async"}                                                    | Missing required field: input
            bad mode                    | {"input":{"mode":"sketch-to-image","prompt":"p"}}                           | Invalid input.mode
            i2i without references      | {"input":{"mode":"image-to-image","prompt":"p"}}                            | input.image_urls is required
            t2i with references         | {"input":{"mode":"text-to-image","prompt":"p","image_urls":["https://e.com/a.png"]}} | not allowed for mode text-to-image
            unknown aspect ratio        | {"input":{"mode":"text-to-image","prompt":"p","aspect_ratio":"7:5"}}        | Invalid input.aspect_ratio
            lower-case resolution       | {"input":{"mode":"text-to-image","prompt":"p","resolution":"2k"}}           | Invalid input.resolution
            unknown resolution          | {"input":{"mode":"text-to-image","prompt":"p","resolution":"8K"}}           | Invalid input.resolution
            bad output format           | {"input":{"mode":"text-to-image","prompt":"p","output_format":"jpg"}}       | Invalid input.output_format
            non-URL reference           | {"input":{"mode":"image-to-image","prompt":"p","image_urls":["ref.png"]}}   | input.image_urls[0] must be an absolute http(s) URL
            reference not a string      | {"input":{"mode":"image-to-image","prompt":"p","image_urls":[7]}}           | input.image_urls[0] must be a string
            callback without its URL    | {"request_type":"callback","input":{"mode":"text-to-image","prompt":"p"}}   | callback_url is required
            callback URL with async     | {"request_type":"async","callback_url":"https://e.com/cb","input":{"mode":"text-to-image","prompt":"p"}} | only allowed when request_type is callback
            bad request type            | {"request_type":"webhook","input":{"mode":"text-to-image","prompt":"p"}}    | Invalid request_type
            bad provider                | {"provider":"cheapest","input":{"mode":"text-to-image","prompt":"p"}}       | Invalid provider
            unknown top-level field     | {"n":2,"input":{"mode":"text-to-image","prompt":"p"}}                       | Unknown field: n
            unknown input field         | {"input":{"mode":"text-to-image","prompt":"p","seed":4}}                    | Unknown field: input.seed
            prompt not a string         | {"input":{"mode":"text-to-image","prompt":42}}                              | input.prompt must be a string
            not JSON                    | hello                                                                       | Malformed JSON body
            """)
    void refuses_what_apixo_refuses_with_its_400_body(String name, String body, String reason) throws Exception {
        HttpResponse<String> response = submit("nano-banana-pro", simulator.apiKey(), body);

        assertEquals(400, response.statusCode(), name);
        assertTrue(response.body().startsWith("{\"code\":400,\"message\":\"Invalid request\",\"data\":{\"error\":\""),
                response.body());
        assertTrue(response.body().contains(reason), response.body());
    }

    @Test
    void more_than_ten_image_urls_are_refused() throws Exception {
        String urls = IntStream.range(0, 11).mapToObj(i -> "\"https://e.com/" + i + ".png\"")
                .collect(Collectors.joining(","));
        HttpResponse<String> response = submit("nano-banana-pro", simulator.apiKey(),
                "{\"input\":{\"mode\":\"image-to-image\",\"prompt\":\"p\",\"image_urls\":[" + urls + "]}}");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("at most 10 images"), response.body());
    }

    @Test
    void an_unknown_model_is_404() throws Exception {
        HttpResponse<String> response = submit("nano-banana-9", simulator.apiKey(),
                "{\"input\":{\"mode\":\"text-to-image\",\"prompt\":\"p\"}}");

        assertEquals(404, response.statusCode());
        assertTrue(response.body().startsWith("{\"code\":404,"), response.body());
    }

    @Test
    void a_wrong_or_missing_key_is_401_on_every_endpoint() throws Exception {
        assertEquals(401, submit("nano-banana-pro", "wrong", "{}").statusCode());
        assertEquals(401, HTTP.send(HttpRequest.newBuilder(simulator.baseUrl().resolve(
                "/api/v1/statusTask/nano-banana-pro?taskId=task_1")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());
    }

    @Test
    void a_task_moves_from_pending_through_processing_to_success_and_serves_its_image() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T09:00:00Z"));
        try (ApixoSimulator timed = ApixoSimulator.start(SimOptions.fast().withClock(clock)
                .withTimings(Duration.ofMillis(100), Duration.ofMillis(200)))) {
            String taskId = taskId(submit(timed, "nano-banana-pro", timed.apiKey(),
                    "{\"input\":{\"mode\":\"text-to-image\",\"prompt\":\"p\",\"output_format\":\"jpeg\"}}")
                    .body());

            assertTrue(status(timed, taskId).contains("\"state\":\"pending\""));
            clock.advance(Duration.ofMillis(150));
            assertTrue(status(timed, taskId).contains("\"state\":\"processing\""));
            clock.advance(Duration.ofMillis(200));
            String done = status(timed, taskId);
            assertTrue(done.contains("\"state\":\"success\"") && done.contains("\"completeTime\"")
                    && done.contains("\"costTime\""), done);
            String url = done.replaceAll(".*resultUrls\\\\\":\\[\\\\\"([^\\\\]+)\\\\\".*", "$1");
            HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, image.statusCode(), url);
            assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElse(""));
            assertEquals((byte) 0xFF, image.body()[0]);
            TaskLedger.TaskTrace trace = timed.ledger().trace(taskId).orElseThrow();
            assertEquals(300, trace.finishesMillis() - trace.createdMillis());
            assertEquals(3, trace.statusCalls().size());
            assertTrue(trace.statusCalls().get(2) >= trace.finishesMillis(), trace.toString());
        }
    }

    @Test
    void a_task_told_to_fail_reports_its_fail_code_and_message() throws Exception {
        simulator.failTasksWith("CONTENT_VIOLATION");
        simulator.timings(Duration.ZERO, Duration.ZERO);
        String taskId = taskId(submit("nano-banana-pro", simulator.apiKey(),
                "{\"input\":{\"mode\":\"text-to-image\",\"prompt\":\"p\"}}").body());

        String failed = status(taskId);
        assertTrue(failed.contains("\"state\":\"failed\",\"failCode\":\"CONTENT_VIOLATION\","
                + "\"failMsg\":\"Content does not meet safety guidelines\""), failed);
    }

    @Test
    void an_unknown_task_is_404_and_a_missing_task_id_400() throws Exception {
        assertEquals("{\"code\":404,\"message\":\"Task not found\",\"data\":null}", status("task_nope"));
        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(simulator.baseUrl().resolve(
                "/api/v1/statusTask/nano-banana-pro")).header("Authorization", "Bearer " + simulator.apiKey()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, missing.statusCode());
    }

    @Test
    void a_scripted_429_carries_retry_after_and_counts_the_call() throws Exception {
        long before = simulator.submitCalls();
        simulator.failNextSubmit(429, null, 9);

        HttpResponse<String> response = submit("nano-banana-pro", simulator.apiKey(), "{}");

        assertEquals(429, response.statusCode());
        assertEquals("9", response.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(before + 1, simulator.submitCalls());
    }

    @Test
    void submit_bodies_are_kept_as_received() throws Exception {
        String body = "{\"input\":{\"mode\":\"text-to-image\",\"prompt\":\"kept\"}}";
        submit("nano-banana-pro", simulator.apiKey(), body);

        assertEquals(body, simulator.submitBodies().get(simulator.submitBodies().size() - 1));
        assertEquals(Map.of("mode", "text-to-image", "prompt", "kept"), simulator.lastSubmit().get("input"));
    }

    @Test
    void a_stalled_first_image_download_holds_its_answer_and_the_next_one_is_served_at_once() throws Exception {
        simulator.timings(Duration.ZERO, Duration.ZERO);
        simulator.stallFirstImageDownloads(Duration.ofSeconds(30));
        String taskId = taskId(submit("nano-banana-pro", simulator.apiKey(),
                "{\"input\":{\"mode\":\"text-to-image\",\"prompt\":\"p\"}}").body());
        URI url = simulator.baseUrl().resolve("/files/" + taskId + "/0.png");
        HttpRequest get = HttpRequest.newBuilder(url).timeout(Duration.ofMillis(500)).build();

        assertThrows(HttpTimeoutException.class, () -> HTTP.send(get, HttpResponse.BodyHandlers.ofByteArray()));
        HttpResponse<byte[]> second = HTTP.send(get, HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, second.statusCode());
        assertEquals((byte) 0x89, second.body()[0]);
        assertEquals(2, simulator.imageRequestsOf(taskId));
        assertEquals(0, simulator.imageRequestsOf("task_other"));
    }

    private static String taskId(String submitAnswer) {
        return submitAnswer.replaceAll(".*\"taskId\":\"(task_\\w+)\".*", "$1");
    }

    private static String status(String taskId) throws Exception {
        return status(simulator, taskId);
    }

    private static String status(ApixoSimulator sim, String taskId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(sim.baseUrl().resolve(
                "/api/v1/statusTask/nano-banana-pro?taskId=" + taskId))
                .header("Authorization", "Bearer " + sim.apiKey()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> submit(String model, String key, String body) throws Exception {
        return submit(simulator, model, key, body);
    }

    private static HttpResponse<String> submit(ApixoSimulator sim, String model, String key, String body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/api/v1/generateTask/" + model))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
