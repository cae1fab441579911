package dev.imagegen.adapter.apixo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.apixo.ApixoSimulator;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error answers beyond the contract suite: body codes, status-call errors, lost answers, unknown tasks. */
class ApixoHttpErrorsTest {

    private static ApixoSimulator simulator;
    private static ImageProvider provider;

    @BeforeAll
    static void start() {
        simulator = ApixoSimulator.start();
        provider = new ApixoProviderFactory().create(Fixtures.config(simulator, Map.of("APIXO_READ_TIMEOUT", "500ms")));
    }

    @AfterAll
    static void stop() {
        provider.close();
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @ParameterizedTest
    @CsvSource({"402, Insufficient balance, INSUFFICIENT_BALANCE", "400, Insufficient credits, INSUFFICIENT_BALANCE",
            "401, Invalid API key, AUTHENTICATION_FAILED", "429, Rate limit exceeded, RATE_LIMITED",
            "503, Service temporarily unavailable, PROVIDER_UNAVAILABLE"})
    void a_200_answer_whose_body_code_is_an_error_is_that_error(int bodyCode, String message, ErrorCode expected) {
        simulator.answerNextSubmit(200, bodyCode, message);

        ProviderException e = failure(provider.submit(request()));

        assertEquals(expected, e.code());
        assertEquals(String.valueOf(bodyCode), e.providerCode().orElseThrow());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void a_refusal_carries_apixo_reason() {
        ProviderException e = failure(provider.submit(ProviderRequest.builder("nano-banana-pro", "a cat")
                .aspectRatio("7:5").build()));

        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains("Invalid request (Invalid input.aspect_ratio: '7:5'"), e.getMessage());
    }

    @Test
    void a_wrong_key_is_an_authentication_failure() {
        try (ApixoSimulator other = ApixoSimulator.start(
                dev.imagegen.testkit.apixo.SimOptions.fast().withApiKey("another-key"));
             ImageProvider wrongKey = new ApixoProviderFactory().create(Fixtures.config(other,
                     Map.of("APIXO_API_KEY", "not-the-key")))) {
            assertEquals(ErrorCode.AUTHENTICATION_FAILED, failure(wrongKey.submit(request())).code());
            assertEquals(ErrorCode.AUTHENTICATION_FAILED, failure(wrongKey.poll(ref("task_x"))).code());
        }
    }

    @ParameterizedTest
    @CsvSource({"400, INVALID_REQUEST", "401, AUTHENTICATION_FAILED", "403, PERMISSION_DENIED",
            "500, PROVIDER_UNAVAILABLE", "503, PROVIDER_UNAVAILABLE"})
    void status_call_errors_map_like_submit_errors(int status, ErrorCode expected) throws Exception {
        ProviderTaskRef task = submitted();
        simulator.failNextStatus(status, null, null);

        assertEquals(expected, failure(provider.poll(task)).code());
    }

    @Test
    void a_throttled_status_call_carries_retry_after() throws Exception {
        ProviderTaskRef task = submitted();
        simulator.failNextStatus(429, null, 12);

        ProviderException e = failure(provider.poll(task));

        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertEquals(Duration.ofSeconds(12), e.retryAfter().orElseThrow());
    }

    @Test
    void a_task_apixo_does_not_know_ends_failed_with_generation_failed() throws Exception {
        TaskSnapshot snapshot = provider.poll(ref("task_never_submitted")).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertEquals(ProviderTaskState.FAILED, snapshot.state());
        assertEquals(ErrorCode.GENERATION_FAILED, snapshot.failure().code());
        assertEquals("404", snapshot.failure().providerCode());
    }

    @Test
    void a_submit_whose_answer_times_out_has_an_unknown_outcome_though_apixo_created_the_task() {
        int before = simulator.taskCount();
        simulator.delayNextSubmit(Duration.ofMillis(1500));

        ProviderException e = failure(provider.submit(request()));

        assertEquals(ErrorCode.OUTCOME_UNKNOWN, e.code());
        assertEquals(before + 1, simulator.taskCount());
    }

    @Test
    void a_status_call_that_times_out_is_unavailability() throws Exception {
        ProviderTaskRef task = submitted();
        simulator.delayNextStatus(Duration.ofMillis(1500));

        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure(provider.poll(task)).code());
    }

    @Test
    void a_closed_provider_sends_nothing_and_closing_twice_is_harmless() {
        ImageProvider closed = new ApixoProviderFactory().create(Fixtures.config(simulator));
        closed.close();
        closed.close();
        long before = simulator.submitCalls();

        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure(closed.submit(request())).code());
        assertEquals(before, simulator.submitCalls());
    }

    private static ProviderTaskRef submitted() throws Exception {
        return ((Submission.Accepted) provider.submit(request()).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .task();
    }

    private static ProviderTaskRef ref(String taskId) {
        return new ProviderTaskRef(ApixoConfig.ID, ModelId.of("nano-banana-pro"), taskId);
    }

    private static ProviderRequest request() {
        return ProviderRequest.builder("nano-banana-pro", "a cat").build();
    }

    private static ProviderException failure(CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
        return ProviderException.find(e).orElseThrow(() -> new AssertionError("not a ProviderException", e));
    }
}
