package dev.imagegen.adapter.apixo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.testkit.LoopbackServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Answers no well-behaved Apixo gives, but proxies and bad days do: the adapter still says what happened. */
class ApixoOddAnswersTest {

    private final AtomicReference<Object[]> answer = new AtomicReference<>();
    private final LoopbackServer stub = LoopbackServer.start(Map.of("/", (HttpHandler) exchange -> {
        LoopbackServer.body(exchange);
        Object[] a = answer.get();
        LoopbackServer.respond(exchange, (int) a[0], (String) a[1], ((String) a[2]).getBytes(StandardCharsets.UTF_8),
                Map.of());
    }), 2);
    private final ImageProvider provider = new ApixoProviderFactory().create(ProviderConfig.of(Map.of(
            "APIXO_API_KEY", "k-odd", "APIXO_BASE_URL", stub.baseUrl().toString())));

    @AfterEach
    void stop() {
        provider.close();
        stub.close();
    }

    @Test
    void an_html_502_from_a_proxy_is_unavailability_with_the_text_in_the_message() {
        answer.set(new Object[] {502, "text/html", "<html>Bad Gateway</html>"});

        ProviderException e = failure(provider.submit(request()));

        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("<html>Bad Gateway</html>"), e.getMessage());
    }

    @Test
    void a_200_submit_that_is_not_json_has_an_unknown_outcome() {
        answer.set(new Object[] {200, "text/plain", "ok"});

        assertEquals(ErrorCode.OUTCOME_UNKNOWN, failure(provider.submit(request())).code());
    }

    @Test
    void a_200_submit_without_a_task_id_has_an_unknown_outcome() {
        answer.set(new Object[] {200, "application/json", "{\"code\":200,\"message\":\"success\",\"data\":{}}"});

        assertEquals(ErrorCode.OUTCOME_UNKNOWN, failure(provider.submit(request())).code());
    }

    @Test
    void a_200_status_without_task_data_is_unavailability() {
        answer.set(new Object[] {200, "application/json", "{\"code\":200,\"message\":\"success\",\"data\":null}"});

        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure(provider.poll(new ProviderTaskRef(ApixoConfig.ID,
                ModelId.of("nano-banana-pro"), "task_1"))).code());
    }

    @Test
    void an_error_body_with_a_string_data_field_is_read_tolerantly() {
        answer.set(new Object[] {403, "application/json", "{\"code\":403,\"message\":\"Forbidden\",\"data\":\"x\"}"});

        ProviderException e = failure(provider.submit(request()));

        assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
        assertTrue(e.getMessage().contains("Forbidden"), e.getMessage());
    }

    private static ProviderRequest request() {
        return ProviderRequest.builder("nano-banana-pro", "a cat").build();
    }

    private static ProviderException failure(CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
        return ProviderException.find(e).orElseThrow(() -> new AssertionError("not a ProviderException", e));
    }
}
