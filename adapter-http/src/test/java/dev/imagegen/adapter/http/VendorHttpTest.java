package dev.imagegen.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.Secret;
import dev.imagegen.spi.TransportFailure.Call;
import dev.imagegen.testkit.LoopbackServer;
import dev.imagegen.testkit.fault.FaultServer;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class VendorHttpTest {

    private static final Secret KEY = Secret.of("sk-toolkit-1");

    private static VendorHttp http(URI base) {
        return VendorHttp.create("acme", base, Duration.ofSeconds(2), Duration.ofMillis(500), KEY, s -> { });
    }

    private static ProviderException failure(VendorHttp http, Call call) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> http.exchange(HttpRequest.GET("/v1/tasks/t-1"), Argument.STRING, call).join());
        return ProviderException.find(e).orElseThrow();
    }

    @Test
    void an_error_status_is_an_answer_not_an_exception() {
        try (LoopbackServer server = LoopbackServer.start(Map.of("/", exchange -> LoopbackServer.respond(exchange,
                    429, "application/json", "{\"error\":\"slow down\"}".getBytes(StandardCharsets.UTF_8),
                    Map.of("Retry-After", "7"))), 1);
             VendorHttp http = http(server.baseUrl())) {
            HttpResponse<String> answer = http.exchange(HttpRequest.GET("/v1/tasks/t-1"), Argument.STRING,
                    Call.STATUS).join();
            assertEquals(429, answer.code());
            assertEquals("7", answer.getHeaders().get("Retry-After"));
            assertEquals("{\"error\":\"slow down\"}", answer.body());
        }
    }

    @Test
    void a_request_goes_under_the_base_url_s_path_and_bytes_travel_as_is() {
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LoopbackServer server = LoopbackServer.start(Map.of("/", exchange -> {
                    seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                            + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                            + exchange.getRequestHeaders().getFirst("Authorization") + " "
                            + new String(LoopbackServer.body(exchange), StandardCharsets.UTF_8));
                    LoopbackServer.respond(exchange, 201, "application/octet-stream", new byte[] {1, 2, 3}, Map.of());
                }), 1);
             VendorHttp http = http(URI.create(server.baseUrl() + "/proxy/"))) {
            HttpResponse<byte[]> answer = http.exchange(HttpRequest.POST("/v1/tasks?async=true", "{\"prompt\":\"é\"}")
                    .contentType("application/json").bearerAuth(KEY.reveal()), Argument.of(byte[].class),
                    Call.SUBMIT).join();

            assertEquals(201, answer.code());
            org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {1, 2, 3}, answer.body());
            assertEquals(java.util.List.of("POST /proxy/v1/tasks?async=true application/json Bearer sk-toolkit-1 "
                    + "{\"prompt\":\"é\"}"), seen);
        }
    }

    @Test
    void a_tls_handshake_cut_short_was_not_sent_although_netty_only_saw_a_closed_channel() {
        try (FaultServer server = FaultServer.closingDuringHandshake(); VendorHttp http = http(server.baseUrl())) {
            assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure(http, Call.SUBMIT).code());
        }
    }

    @Test
    void a_submit_reset_after_it_was_written_has_an_unknown_outcome() {
        try (FaultServer server = FaultServer.resetAfterRequest(); VendorHttp http = http(server.baseUrl())) {
            ProviderException e = failure(http, Call.SUBMIT);
            assertEquals(ErrorCode.OUTCOME_UNKNOWN, e.code());
            assertFalse(e.getMessage().contains(KEY.reveal()));
        }
    }

    @Test
    void a_closed_client_sends_nothing() {
        VendorHttp http = http(FaultServer.refusing());
        http.close();
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure(http, Call.SUBMIT).code());
    }
}
