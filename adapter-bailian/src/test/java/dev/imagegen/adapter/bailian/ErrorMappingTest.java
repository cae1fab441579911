package dev.imagegen.adapter.bailian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.bailian.BailianSimulator;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each error class of the gateway beyond the contract suite: shapes, sync models, partial success, status calls. */
class ErrorMappingTest {

    private static final ProviderRequest WAN = ProviderRequest.builder("wan2.2-t2i-flash", "p").build();
    private static final ProviderRequest QWEN = ProviderRequest.builder("qwen-image-plus", "p").build();
    private static final ProviderRequest SEEDREAM = ProviderRequest.builder("doubao-seedream-4-0-250828", "p").build();
    private static Fixture fixture;

    @BeforeAll
    static void start() {
        fixture = Fixture.start(BailianSimulator.Style.GATEWAY);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void reset() {
        fixture.sim.reset();
    }

    @Test
    void a_200_with_success_false_is_an_error() {
        fixture.sim.refuseNextSubmitInEnvelope("429", "Rate limit exceeded");
        ProviderException e = fixture.submitFailure(WAN);
        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertEquals("429", e.providerCode().orElseThrow());
        assertTrue(e.getMessage().contains("Rate limit exceeded"), e.getMessage());
    }

    @Test
    void a_504_to_a_synchronous_submit_leaves_the_outcome_unknown_in_either_shape() {
        fixture.sim.failNextSubmit(504, null, null);
        ProviderException http = fixture.submitFailure(QWEN);
        assertEquals(ErrorCode.OUTCOME_UNKNOWN, http.code(), http.getMessage());
        assertTrue(http.getMessage().contains("may have gone on to generate"), http.getMessage());

        fixture.sim.refuseNextSubmitInEnvelope("504", "Gateway Timeout");
        assertEquals(ErrorCode.OUTCOME_UNKNOWN, fixture.submitFailure(SEEDREAM).code());

        fixture.sim.failNextSubmit(503, null, null);
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, fixture.submitFailure(QWEN).code(), "a 503 stays retryable");
    }

    @Test
    void a_200_with_success_false_and_a_vendor_code_maps_the_code() {
        fixture.sim.refuseNextSubmitInEnvelope("Arrearage", "Access denied, please make sure your account is in good"
                + " standing.");
        assertEquals(ErrorCode.INSUFFICIENT_BALANCE, fixture.submitFailure(WAN).code());
    }

    @Test
    void the_error_object_shape_is_understood() {
        fixture.sim.errorShape(BailianSimulator.ErrorShape.ERROR_OBJECT);
        fixture.sim.failNextSubmit(401, null, null);
        ProviderException e = fixture.submitFailure(WAN);
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, e.code());
        assertEquals("unauthorized", e.providerCode().orElseThrow());
        fixture.sim.failNextSubmit(400, "DataInspectionFailed", null);
        assertEquals(ErrorCode.CONTENT_VIOLATION, fixture.submitFailure(WAN).code());
    }

    @Test
    void a_wrong_key_is_an_authentication_failure() {
        try (var provider = new BailianProviderFactory().create(ProviderConfig.of(Map.of(
                "BAILIAN_API_KEY", "sk-wrong", "BAILIAN_BASE_URL", fixture.sim.baseUrl().toString())))) {
            ProviderException e = Fixture.failure(() -> provider.submit(WAN).toCompletableFuture().join());
            assertEquals(ErrorCode.AUTHENTICATION_FAILED, e.code());
            assertEquals("401", e.providerCode().orElseThrow());
        }
    }

    @Test
    void qwen_content_refusal_fails_the_submit() {
        fixture.sim.failTasksWith("DataInspectionFailed");
        ProviderException e = fixture.submitFailure(QWEN);
        assertEquals(ErrorCode.CONTENT_VIOLATION, e.code());
        assertEquals("DataInspectionFailed", e.providerCode().orElseThrow());
    }

    @Test
    void seedream_errors_in_arks_shape_are_mapped() {
        Map<String, ErrorCode> cases = Map.of(
                "OutputImageSensitiveContentDetected", ErrorCode.CONTENT_VIOLATION,
                "InvalidImageURL.InvalidFormat", ErrorCode.INVALID_REFERENCE,
                "AuthenticationError", ErrorCode.AUTHENTICATION_FAILED,
                "AccountOverdueError", ErrorCode.INSUFFICIENT_BALANCE,
                "InvalidEndpointOrModel.NotFound", ErrorCode.UNSUPPORTED_MODEL,
                "RateLimitExceeded.EndpointRPMExceeded", ErrorCode.RATE_LIMITED,
                "InternalServiceError", ErrorCode.PROVIDER_UNAVAILABLE);
        cases.forEach((code, expected) -> {
            fixture.sim.failTasksWith(code);
            ProviderException e = fixture.submitFailure(SEEDREAM);
            assertEquals(expected, e.code(), code);
            assertEquals(code, e.providerCode().orElseThrow());
        });
    }

    @Test
    void the_simulators_strict_refusals_surface_as_invalid_requests() {
        assertEquals(ErrorCode.INVALID_REQUEST, fixture.submitFailure(ProviderRequest.builder("wan2.2-t2i-flash", "p")
                .options(Map.of("prompt_extend", "yes")).build()).code());
        assertEquals(ErrorCode.INVALID_REQUEST, fixture.submitFailure(ProviderRequest.builder(
                "doubao-seedream-4-0-250828", "p").options(Map.of("guidance_scale", 3)).build()).code());
    }

    @Test
    void a_partial_success_yields_the_images_that_exist_and_a_warning() throws Exception {
        fixture.sim.failImagesPerTask(2);
        ProviderTaskRef task = ((Submission.Accepted) fixture.submit(
                ProviderRequest.builder("wan2.2-t2i-flash", "p").n(4).build())).task();
        TaskSnapshot end = fixture.awaitTerminal(task);
        assertEquals(ProviderTaskState.SUCCEEDED, end.state());
        assertEquals(2, end.images().size());
        assertEquals(1, end.warnings().size());
        assertTrue(end.warnings().get(0).contains("2 of 4 images failed: InternalError.Timeout"),
                end.warnings()::toString);
    }

    @Test
    void a_task_whose_every_image_failed_is_failed() throws Exception {
        fixture.sim.failImagesPerTask(1);
        ProviderTaskRef task = ((Submission.Accepted) fixture.submit(WAN)).task();
        TaskSnapshot end = fixture.awaitTerminal(task);
        assertEquals(ProviderTaskState.FAILED, end.state());
        assertEquals("InternalError.Timeout", end.failure().providerCode());
    }

    @Test
    void a_seedream_partial_success_yields_the_image_and_a_warning() throws Exception {
        fixture.sim.failImagesPerTask(1);
        Submission.Completed done = assertInstanceOf(Submission.Completed.class, fixture.submit(SEEDREAM));
        assertEquals(1, done.images().size());
        assertTrue(done.warnings().get(0).contains("OutputImageSensitiveContentDetected"), done.warnings()::toString);
    }

    @Test
    void status_call_errors_are_mapped_and_carry_retry_after() throws Exception {
        ProviderTaskRef task = ((Submission.Accepted) fixture.submit(WAN)).task();
        fixture.sim.failNextPoll(429, null, 3);
        ProviderException throttled = Fixture.failure(() -> fixture.provider.poll(task).toCompletableFuture().join());
        assertEquals(ErrorCode.RATE_LIMITED, throttled.code());
        assertEquals(Duration.ofSeconds(3), throttled.retryAfter().orElseThrow());
        for (int status : new int[] {503, 504}) {
            fixture.sim.failNextPoll(status, null, null);
            assertEquals(ErrorCode.PROVIDER_UNAVAILABLE,
                    Fixture.failure(() -> fixture.provider.poll(task).toCompletableFuture().join()).code());
        }
        assertEquals(ProviderTaskState.SUCCEEDED, fixture.awaitTerminal(task).state());
    }

    @Test
    void an_unknown_task_reads_as_failed_with_a_clear_message() throws Exception {
        TaskSnapshot snapshot = fixture.poll(new ProviderTaskRef(BailianConfig.ID, ModelId.of("wan2.2-t2i-flash"),
                "no-such-task"));
        assertEquals(ProviderTaskState.FAILED, snapshot.state());
        assertEquals(ErrorCode.GENERATION_FAILED, snapshot.failure().code());
        assertTrue(snapshot.failure().message().contains("expired"), snapshot.failure().message());
    }

    @Test
    void the_gateway_cannot_cancel_tasks() throws Exception {
        ProviderTaskRef task = ((Submission.Accepted) fixture.submit(WAN)).task();
        assertEquals(CancelOutcome.NOT_SUPPORTED, fixture.provider.cancel(task).toCompletableFuture().join());
        assertEquals(0, fixture.sim.cancelCount());
    }
}
