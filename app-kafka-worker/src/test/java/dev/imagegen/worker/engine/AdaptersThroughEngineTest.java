package dev.imagegen.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.ImageGeneration;
import dev.imagegen.core.policy.RetryPolicy;
import dev.imagegen.core.task.Attempt;
import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskState;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.testkit.VendorSimulator;
import dev.imagegen.testkit.apixo.ApixoSimulator;
import dev.imagegen.testkit.bailian.BailianSimulator;
import dev.imagegen.testkit.xenodia.XenodiaSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real adapters, driven by the engine, against the vendor simulators: throttling and 5xx answers are retried
 * within the budget (honouring Retry-After), and a budget spent before acceptance falls back to the next provider;
 * a 504 to a submit (the vendor may have generated and billed it) is neither retried nor sent elsewhere.
 */
class AdaptersThroughEngineTest {

    private static XenodiaSimulator xenodia;
    private static ApixoSimulator apixo;
    private static BailianSimulator bailian;
    private ImageGeneration engine;

    @BeforeAll
    static void startSimulators() {
        xenodia = XenodiaSimulator.start();
        apixo = ApixoSimulator.start();
        bailian = BailianSimulator.start(BailianSimulator.Style.GATEWAY);
    }

    @AfterAll
    static void stopSimulators() {
        xenodia.close();
        apixo.close();
        bailian.close();
    }

    @BeforeEach
    void startEngine() {
        Stream.of(xenodia, apixo, bailian).forEach(VendorSimulator::reset);
        Map<String, String> env = new HashMap<>(Map.of(
                "XENODIA_API_KEY", xenodia.apiKey(), "XENODIA_BASE_URL", xenodia.baseUrl().toString(),
                "APIXO_API_KEY", apixo.apiKey(), "APIXO_BASE_URL", apixo.baseUrl().toString(),
                "BAILIAN_API_KEY", bailian.apiKey(), "BAILIAN_BASE_URL", bailian.baseUrl().toString()));
        for (String p : List.of("XENODIA", "APIXO", "BAILIAN")) {
            env.put(p + "_POLL_INITIAL_DELAY", "50ms");
            env.put(p + "_POLL_INTERVAL", "50ms");
            env.put(p + "_POLL_MAX_INTERVAL", "100ms");
            env.put(p + "_MAX_REQUESTS_PER_SECOND", "100");
        }
        engine = ImageGeneration.builder()
                .providers(ProviderRegistry.load().createEnabled(ProviderConfig.of(env)))
                .providerOrder(List.of(ProviderId.of("xenodia"), ProviderId.of("apixo"), ProviderId.of("bailian")))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(2)))
                .build();
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    static Stream<Arguments> providers() {
        return Stream.of(Arguments.of("xenodia", "gpt-image-2"), Arguments.of("apixo", "nano-banana-pro"),
                Arguments.of("bailian", "wan2.2-t2i-flash"));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void a_throttled_submit_is_retried_after_its_retry_after_and_then_succeeds(String provider, String model)
            throws Exception {
        simulator(provider).failNextSubmit(429, null, 1);

        Task done = run(GenerationRequest.builder().id("throttled-" + provider).provider(provider).model(model)
                .prompt("a lighthouse in a storm").build());

        assertEquals(TaskState.SUCCEEDED, done.state(), () -> String.valueOf(done.failure()));
        assertEquals(List.of("RATE_LIMITED", "ACCEPTED"), done.attempts().stream().map(Attempt::outcome).toList());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void a_5xx_submit_is_retried_within_the_budget(String provider, String model) throws Exception {
        simulator(provider).failNextSubmit(503, null, null);

        Task done = run(GenerationRequest.builder().id("unavailable-" + provider).provider(provider).model(model)
                .prompt("a koi pond from above").build());

        assertEquals(TaskState.SUCCEEDED, done.state(), () -> String.valueOf(done.failure()));
        assertEquals("PROVIDER_UNAVAILABLE", done.attempts().get(0).outcome());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void a_504_submit_is_not_retried(String provider, String model) throws Exception {
        simulator(provider).failNextSubmit(504, null, null);

        Task done = run(GenerationRequest.builder().id("gateway-timeout-" + provider).provider(provider).model(model)
                .prompt("a lighthouse at dusk").build());

        assertEquals(TaskState.FAILED, done.state());
        assertEquals(ErrorCode.OUTCOME_UNKNOWN, done.failure().code(), () -> String.valueOf(done.failure()));
        assertEquals(List.of(new Attempt(ProviderId.of(provider), ErrorCode.OUTCOME_UNKNOWN.name())),
                done.attempts(), "one submit: the vendor may have generated (and billed) it");
    }

    @Test
    void a_504_submit_does_not_fall_back_to_the_next_provider() throws Exception {
        long apixoSubmits = apixo.submitCalls();
        xenodia.failNextSubmit(504, null, null);

        Task done = run(GenerationRequest.builder().id("gateway-timeout-fallback").model("nano-banana-pro")
                .prompt("a banana pilot").build());

        assertEquals(ErrorCode.OUTCOME_UNKNOWN, done.failure().code(), () -> String.valueOf(done.failure()));
        assertEquals(ProviderId.of("xenodia"), done.provider());
        assertEquals(apixoSubmits, apixo.submitCalls(), "nothing was sent to apixo");
    }

    @Test
    void a_spent_budget_before_acceptance_falls_back_to_the_next_provider() throws Exception {
        xenodia.failNextSubmits(4, 503, null, null);

        Task done = run(GenerationRequest.builder().id("fallback-1").model("nano-banana-pro")
                .prompt("a banana pilot").aspectRatio("16:9").resolution("1K").build());

        assertEquals(TaskState.SUCCEEDED, done.state(), () -> String.valueOf(done.failure()));
        assertEquals(ProviderId.of("apixo"), done.provider());
        assertEquals(new Attempt(ProviderId.of("xenodia"), ErrorCode.PROVIDER_UNAVAILABLE.name()),
                done.attempts().get(3));
        assertEquals(Attempt.accepted(ProviderId.of("apixo")), done.attempts().get(4));
    }

    private Task run(GenerationRequest request) throws Exception {
        engine.submit(request).result().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return engine.host().find(request.id()).orElseThrow();
    }

    private static VendorSimulator simulator(String provider) {
        return switch (provider) {
            case "xenodia" -> xenodia;
            case "apixo" -> apixo;
            default -> bailian;
        };
    }
}
