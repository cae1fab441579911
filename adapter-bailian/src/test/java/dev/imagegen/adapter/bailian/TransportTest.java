package dev.imagegen.adapter.bailian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.imagegen.testkit.bailian.BailianSimulator;
import dev.imagegen.testkit.bailian.SimOptions;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Submission;
import dev.imagegen.testkit.LoopbackServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Connection failures, timeouts and answers no simulator of a well-behaved vendor gives. */
class TransportTest {

    private static final ProviderRequest WAN = ProviderRequest.builder("wan2.2-t2i-flash", "p").build();
    private static final ProviderTaskRef TASK = new ProviderTaskRef(BailianConfig.ID, ModelId.of("wan2.2-t2i-flash"),
            "t-1");
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final AtomicReference<Answer> NEXT = new AtomicReference<>();
    private static LoopbackServer odd;
    private static ImageProvider provider;

    @BeforeAll
    static void start() {
        odd = LoopbackServer.start(Map.of("/", TransportTest::answer), 4);
        provider = provider(odd.baseUrl().toString(), Map.of("BAILIAN_READ_TIMEOUT", "300ms"));
    }

    @AfterAll
    static void stop() {
        provider.close();
        odd.close();
    }

    @Test
    void a_read_timeout_after_a_submit_was_sent_is_outcome_unknown() {
        try (Fixture slow = Fixture.start(SimOptions.defaults(), Map.of("BAILIAN_READ_TIMEOUT", "300ms"),
                Clock.systemUTC())) {
            slow.sim.delaySubmits(Duration.ofMillis(1500));
            assertEquals(ErrorCode.OUTCOME_UNKNOWN, slow.submitFailure(WAN).code());
            assertEquals(1, slow.sim.submitCount());
        }
    }

    @Test
    void a_read_timeout_on_a_status_call_is_provider_unavailable() {
        NEXT.set(new Answer(200, "{}", null, 1500));
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE,
                Fixture.failure(() -> provider.poll(TASK).toCompletableFuture().join()).code());
    }

    @Test
    void an_unreadable_answer_to_a_submit_is_outcome_unknown_and_to_a_poll_unavailable() {
        NEXT.set(new Answer(200, "<html>gateway hiccup</html>", null, 0));
        assertEquals(ErrorCode.OUTCOME_UNKNOWN,
                Fixture.failure(() -> provider.submit(WAN).toCompletableFuture().join()).code());
        NEXT.set(new Answer(200, "<html>gateway hiccup</html>", null, 0));
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE,
                Fixture.failure(() -> provider.poll(TASK).toCompletableFuture().join()).code());
    }

    @Test
    void an_answer_without_task_id_or_images_is_outcome_unknown() {
        NEXT.set(new Answer(200, "{\"success\":true,\"code\":\"200\",\"message\":\"successful\",\"data\":{}}", null,
                0));
        assertEquals(ErrorCode.OUTCOME_UNKNOWN,
                Fixture.failure(() -> provider.submit(WAN).toCompletableFuture().join()).code());
    }

    @Test
    void the_task_id_is_read_from_data_task_id_and_data_task_id_camel_case() throws Exception {
        NEXT.set(new Answer(200, "{\"success\":true,\"code\":\"200\",\"data\":{\"task_id\":\"snake\"}}", null, 0));
        assertEquals("snake", accepted().task().taskId());
        NEXT.set(new Answer(200, "{\"success\":true,\"code\":\"200\",\"data\":{\"taskId\":\"camel\"}}", null, 0));
        assertEquals("camel", accepted().task().taskId());
        NEXT.set(new Answer(200, "{\"request_id\":\"r\",\"output\":{\"task_id\":\"bare\",\"task_status\":"
                + "\"PENDING\"}}", null, 0));
        assertEquals("bare", accepted().task().taskId());
    }

    @Test
    void an_error_inside_the_envelope_data_is_an_error() {
        NEXT.set(new Answer(200, "{\"success\":true,\"code\":\"200\",\"data\":{\"request_id\":\"r\",\"code\":"
                + "\"InvalidParameter\",\"message\":\"Model not exist.\"}}", null, 0));
        assertEquals(ErrorCode.UNSUPPORTED_MODEL,
                Fixture.failure(() -> provider.submit(WAN).toCompletableFuture().join()).code());
    }

    @Test
    void retry_after_as_an_http_date_becomes_a_duration() {
        NEXT.set(new Answer(429, "{\"success\":false,\"code\":\"429\",\"message\":\"Rate limit exceeded\"}",
                "Sun, 22 Nov 2026 09:00:30 GMT", 0));
        var e = Fixture.failure(() -> provider.submit(WAN).toCompletableFuture().join());
        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
    }

    @Test
    void a_key_the_vendor_echoes_is_redacted_from_the_failure() {
        NEXT.set(new Answer(401, "{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Incorrect API key"
                + " provided: sk-transport\"}}", null, 0));
        var e = Fixture.failure(() -> provider.submit(WAN).toCompletableFuture().join());
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, e.code());
        assertFalse(e.getMessage().contains("sk-transport"), e.getMessage());
        assertTrue(e.getMessage().contains("[secret]"), e.getMessage());
    }

    @Test
    void ark_images_as_the_envelopes_data_list_are_read_too() throws Exception {
        NEXT.set(new Answer(200, "{\"success\":true,\"code\":\"200\",\"data\":[{\"url\":"
                + "\"https://ark.example.com/a.jpeg\"}]}", null, 0));
        var done = assertInstanceOf(Submission.Completed.class, provider.submit(ProviderRequest.builder(
                "doubao-seedream-4-0-250828", "p").build()).toCompletableFuture().get());
        assertEquals("https://ark.example.com/a.jpeg", done.images().get(0).url().toString());
    }

    @Test
    void a_closed_provider_refuses_calls_and_closes_once() {
        ImageProvider closing = provider(odd.baseUrl().toString(), Map.of());
        closing.close();
        closing.close();
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE,
                Fixture.failure(() -> closing.submit(WAN).toCompletableFuture().join()).code());
    }

    private static Submission.Accepted accepted() throws Exception {
        return assertInstanceOf(Submission.Accepted.class, provider.submit(WAN).toCompletableFuture().get());
    }

    private static ImageProvider provider(String base, Map<String, String> extra) {
        Map<String, String> config = new java.util.HashMap<>(Map.of("BAILIAN_API_KEY", "sk-transport",
                "BAILIAN_BASE_URL", base, "BAILIAN_API_STYLE", BailianSimulator.Style.GATEWAY.configValue()));
        config.putAll(extra);
        return new BailianProviderFactory().create(ProviderConfig.of(config)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Answer answer = NEXT.getAndSet(null);
        if (answer == null) {
            answer = new Answer(500, "{}", null, 0);
        }
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LoopbackServer.respond(exchange, answer.status(), "application/json",
                answer.body().getBytes(StandardCharsets.UTF_8),
                answer.retryAfter() == null ? Map.of() : Map.of("Retry-After", answer.retryAfter()));
    }

    private record Answer(int status, String body, String retryAfter, long delayMillis) {
    }
}
