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
