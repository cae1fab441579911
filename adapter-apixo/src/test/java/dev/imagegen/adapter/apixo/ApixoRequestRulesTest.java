package dev.imagegen.adapter.apixo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.apixo.ApixoSimulator;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Reference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the adapter refuses before any call: the simulator must not see a single submit. */
class ApixoRequestRulesTest {

    private static ApixoSimulator simulator;
    private static ImageProvider provider;

    @BeforeAll
    static void start() {
        simulator = ApixoSimulator.start();
        provider = new ApixoProviderFactory().create(Fixtures.config(simulator));
    }

    @AfterAll
    static void stop() {
        provider.close();
        simulator.close();
    }

    @Test
    void inline_reference_bytes_are_refused_naming_the_field_and_what_is_allowed() {
        ProviderException e = refused(base().references(List.of(Reference.url("https://example.com/a.png"),
                Reference.inline(new byte[] {1, 2, 3}, "image/png"))));

        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("references[1]"), e.getMessage());
        assertTrue(e.getMessage().contains("URL references only"), e.getMessage());
    }

    @Test
    void eleven_references_are_refused_naming_the_limit() {
        List<Reference> refs = IntStream.range(0, 11).mapToObj(i -> (Reference) Reference.url(
                "https://example.com/r" + i + ".png")).toList();

        ProviderException e = refused(base().references(refs));

        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("references: 11 given") && e.getMessage().contains("at most 10"),
                e.getMessage());
    }

    @Test
    void more_than_one_image_is_refused() {
        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, refused(base().n(2)).code());
    }

    @Test
    void seed_and_negative_prompt_are_refused_together_in_one_message() {
        ProviderException e = refused(base().seed(42L).negativePrompt("blurry"));

        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("seed: 42") && e.getMessage().contains("negativePrompt"), e.getMessage());
    }

    @Test
    void an_unknown_routing_strategy_is_refused() {
        ProviderException e = refused(base().options(Map.of("provider", "cheapest")));

        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("'cheapest'") && e.getMessage().contains("auto, value, official"),
                e.getMessage());
    }

    @Test
    void an_unknown_provider_option_is_refused() {
        ProviderException e = refused(base().options(Map.of("nVariants", 2)));

        assertTrue(e.getMessage().contains("nVariants") && e.getMessage().contains("allowed: provider"),
                e.getMessage());
    }

    @Test
    void a_model_apixo_does_not_serve_here_is_refused() {
        ProviderException e = refused(ProviderRequest.builder("gpt-image-1", "a cat"));

        assertEquals(ErrorCode.UNSUPPORTED_MODEL, e.code());
    }

    private static ProviderRequest.Builder base() {
        return ProviderRequest.builder("nano-banana-pro", "a cat");
    }

    private static ProviderException refused(ProviderRequest.Builder request) {
        long before = simulator.submitCalls();
        CompletionException e = assertThrows(CompletionException.class,
                () -> provider.submit(request.build()).toCompletableFuture().join());
        assertEquals(before, simulator.submitCalls(), "no call may reach Apixo");
        return ProviderException.find(e).orElseThrow();
    }
}
