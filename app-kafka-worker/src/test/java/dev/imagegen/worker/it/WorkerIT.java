package dev.imagegen.worker.it;

import static dev.imagegen.worker.it.KafkaFixture.command;
import static dev.imagegen.worker.it.KafkaFixture.eventsOf;
import static dev.imagegen.worker.it.KafkaFixture.terminalCount;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.worker.Worker;
import dev.imagegen.worker.config.WorkerConfig;
import dev.imagegen.worker.testing.TestVendor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One worker against a real broker on 127.0.0.1, with the test providers. */
class WorkerIT {

    private static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    private static PrintStream originalErr;
    private static KafkaFixture fixture;
    private static WorkerConfig config;
    private static Worker worker;

    @BeforeAll
    static void start() throws Exception {
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(originalErr, LOGS), true, StandardCharsets.UTF_8));
        fixture = new KafkaFixture();
        config = fixture.config(3);
        worker = fixture.worker(config);
        KafkaFixture.awaitReady(worker);
    }

    @AfterAll
    static void stop() throws Exception {
        worker.stop();
        assertTrue(worker.await(Duration.ofSeconds(30)), "the worker drains cleanly");
        fixture.close();
        System.setErr(originalErr);
    }

    private static List<ConsumerRecord<byte[], byte[]>> eventsUntilTerminal(String... ids) {
        return fixture.read(config.topics().events(), records -> List.of(ids).stream()
                .allMatch(id -> terminalCount(records, id) > 0), Duration.ofSeconds(30));
    }

    @Test
    void a_command_runs_end_to_end() {
        fixture.send(config.topics().commands(), "e2e-1", command("e2e-1", "a cat @ms=800", ""));
        List<Map<String, Object>> events = eventsOf(eventsUntilTerminal("e2e-1"), "e2e-1");

        assertEquals(List.of("ACCEPTED", "SUBMITTED", "RUNNING", "SUCCEEDED"),
                events.stream().map(e -> e.get("status")).toList());
        Map<String, Object> done = events.get(3);
        assertEquals("alpha", done.get("provider"));
        assertEquals(Map.of("tenant", "acme"), done.get("metadata"));
        assertTrue(((List<?>) done.get("images")).size() == 1);
        assertTrue(Instant.parse((String) done.get("occurredAt")).isAfter(Instant.now().minusSeconds(60)));
    }

    @Test
    void fallback_moves_to_the_next_provider_before_acceptance() {
        fixture.send(config.topics().commands(), "fb-1", command("fb-1", "@alpha:reject=RATE_LIMITED @sync", ""));
        List<Map<String, Object>> events = eventsOf(eventsUntilTerminal("fb-1"), "fb-1");
        Map<String, Object> last = events.get(events.size() - 1);
        assertEquals("SUCCEEDED", last.get("status"));
        assertEquals("beta", last.get("provider"));
        assertEquals("RATE_LIMITED", ((Map<?, ?>) ((List<?>) last.get("attempts")).get(0)).get("outcome"));
    }

    @Test
    void duplicates_are_generated_once_and_answered_once() {
        for (int i = 0; i < 3; i++) {
            fixture.send(config.topics().commands(), "dup-1", command("dup-1", "a dog @ms=500", ""));
        }
        fixture.send(config.topics().commands(), "dup-bad", "{\"commandId\":\"dup-bad\",\"n\":\"x\"}");
        fixture.send(config.topics().commands(), "dup-bad", "{\"commandId\":\"dup-bad\",\"n\":\"x\"}");
        List<ConsumerRecord<byte[], byte[]>> events = eventsUntilTerminal("dup-1", "dup-bad");
        fixture.send(config.topics().commands(), "dup-1", command("dup-1", "a dog @sync", ""));
        fixture.send(config.topics().commands(), "dup-after", command("dup-after", "@sync", ""));
        events = eventsUntilTerminal("dup-1", "dup-bad", "dup-after");

        assertEquals(1, terminalCount(events, "dup-1"));
        assertEquals(1, terminalCount(events, "dup-bad"));
        assertEquals(1, TestVendor.submitsOf("dup-1"));
    }

    @Test
    void unreadable_records_go_to_the_dlq_and_invalid_ones_get_a_failed_event() {
        byte[] garbage = {'{', (byte) 0xC3, (byte) 0x28, '}'};
        fixture.send(config.topics().commands(), "g-1", garbage);
        fixture.send(config.topics().commands(), "inv-1", "{\"commandId\":\"inv-1\",\"model\":\"test-model\","
                + "\"prompt\":\"x\",\"aspectRatio\":\"wide\"}");
        List<ConsumerRecord<byte[], byte[]>> dlq = fixture.read(config.topics().dlq(), r -> r.stream()
                .anyMatch(x -> "g-1".equals(new String(x.key(), StandardCharsets.UTF_8))), Duration.ofSeconds(30));
        ConsumerRecord<byte[], byte[]> dead = dlq.stream()
                .filter(x -> "g-1".equals(new String(x.key(), StandardCharsets.UTF_8))).findFirst().orElseThrow();
        assertArrayEquals(garbage, dead.value());
        assertTrue(new String(dead.headers().lastHeader("imagegen.error").value(), StandardCharsets.UTF_8)
                .startsWith("not JSON"));
        assertTrue(new String(dead.headers().lastHeader("imagegen.source").value(), StandardCharsets.UTF_8)
                .startsWith(config.topics().commands() + "-"));

        Map<String, Object> failed = eventsOf(eventsUntilTerminal("inv-1"), "inv-1").get(0);
        assertEquals("INVALID_REQUEST", ((Map<?, ?>) failed.get("error")).get("code"));
    }

    @Test
    void a_deadline_that_passes_ends_the_task_with_timeout() {
        String deadline = Instant.now().plusMillis(1500).toString();
        fixture.send(config.topics().commands(), "dl-1", command("dl-1", "@forever", ",\"deadline\":\"" + deadline
                + "\""));
        List<Map<String, Object>> events = eventsOf(eventsUntilTerminal("dl-1"), "dl-1");
        Map<String, Object> last = events.get(events.size() - 1);
        assertEquals("FAILED", last.get("status"));
        assertEquals("TIMEOUT", ((Map<?, ?>) last.get("error")).get("code"));
    }

    @Test
    void no_api_key_appears_in_events_or_logs() {
        fixture.send(config.topics().commands(), "leak-1", "{\"commandId\":\"leak-1\",\"provider\":\"alpha\","
                + "\"model\":\"test-model\",\"prompt\":\"@leak\"}");
        List<ConsumerRecord<byte[], byte[]>> events = eventsUntilTerminal("leak-1");
        List<Map<String, Object>> mine = eventsOf(events, "leak-1");
        Map<?, ?> error = (Map<?, ?>) mine.get(mine.size() - 1).get("error");
        assertEquals("AUTHENTICATION_FAILED", error.get("code"));
        assertTrue(((String) error.get("message")).contains("[secret]"), (String) error.get("message"));
        for (ConsumerRecord<byte[], byte[]> e : events) {
            String text = new String(e.value(), StandardCharsets.UTF_8);
            assertFalse(text.contains(KafkaFixture.ALPHA_KEY) || text.contains(KafkaFixture.BETA_KEY), text);
        }
        String logs = LOGS.toString(StandardCharsets.UTF_8);
        assertFalse(logs.contains(KafkaFixture.ALPHA_KEY) || logs.contains(KafkaFixture.BETA_KEY));
    }

    @Test
    void the_http_endpoint_answers_health_metrics_and_callbacks() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + worker.httpPort();
        assertEquals(200, get(http, base + "/health/live").statusCode());
        assertEquals(200, get(http, base + "/health/ready").statusCode());
        fixture.send(config.topics().commands(), "m-1", command("m-1", "@sync", ""));
        eventsUntilTerminal("m-1");
        String metrics = get(http, base + "/metrics").body();
        for (String name : List.of("imagegen_commands_consumed_total", "imagegen_events_total{status=\"SUCCEEDED\"}",
                "imagegen_tasks_in_flight", "imagegen_transactions_committed_total", "imagegen_vendor_calls_total",
                "imagegen_vendor_call_duration_seconds_count{call=\"submit\"",
                "imagegen_transactions_duration_seconds_count",
                "jvm_memory_used_bytes{area=\"heap\"", "jvm_threads_live_threads", "jvm_gc_live_data_size_bytes")) {
            assertTrue(metrics.contains(name), name + " in\n" + metrics);
        }
        assertFalse(metrics.contains(KafkaFixture.ALPHA_KEY));
        assertEquals(404, post(http, base + "/callbacks/alpha/nope", "x").statusCode());

        fixture.send(config.topics().commands(), "cb-1", "{\"commandId\":\"cb-1\",\"provider\":\"beta\","
                + "\"model\":\"test-model\",\"prompt\":\"@forever\"}");
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (TestVendor.callbackOf("cb-1") == null && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        String[] callback = TestVendor.callbackOf("cb-1");
        String path = URI.create(callback[1]).getPath();
        assertTrue(path.startsWith("/callbacks/beta/"), path);
        fixture.read(config.topics().events(), r -> eventsOf(r, "cb-1").stream()
                .anyMatch(e -> "SUBMITTED".equals(e.get("status"))), Duration.ofSeconds(30));
        assertEquals(200, post(http, base + path, callback[0]).statusCode());
        assertEquals(404, post(http, base + path, "another-task").statusCode());
        assertEquals(404, post(http, base + "/callbacks/alpha/" + path.substring(path.lastIndexOf('/') + 1),
                callback[0]).statusCode());
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
