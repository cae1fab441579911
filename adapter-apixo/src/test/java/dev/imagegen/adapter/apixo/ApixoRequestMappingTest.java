package dev.imagegen.adapter.apixo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.imagegen.testkit.apixo.ApixoSimulator;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Resolution;
import dev.imagegen.spi.Submission;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The generateTask bodies as the simulator received them. */
class ApixoRequestMappingTest {

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

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void text_to_image_sends_async_mode_prompt_ratio_upper_case_resolution_and_format() throws Exception {
        submit(ProviderRequest.builder("nano-banana-pro", "a cozy cafe").aspectRatio("3:2")
                .resolution(Resolution.TWO_K).outputFormat(OutputFormat.PNG).build());

        Map<String, Object> body = simulator.lastSubmit();
        assertEquals(Map.of("request_type", "async", "input", Map.of("mode", "text-to-image", "prompt", "a cozy cafe",
                "aspect_ratio", "3:2", "resolution", "2K", "output_format", "png")), body);
    }

    @Test
    void open_values_are_left_out_so_apixo_defaults_apply() throws Exception {
        submit(ProviderRequest.builder("nano-banana-pro", "a cat").build());

        assertEquals(Map.of("request_type", "async", "input", Map.of("mode", "text-to-image", "prompt", "a cat")),
                simulator.lastSubmit());
    }

    @ParameterizedTest
    @CsvSource({"ONE_K, 1K, 20", "TWO_K, 2K, 30", "FOUR_K, 4K, 45"})
    void resolution_is_sent_upper_case_and_sets_the_first_poll_eta(Resolution resolution, String wire, long eta)
            throws Exception {
        Submission.Accepted accepted = submit(ProviderRequest.builder("nano-banana-pro", "a cat")
                .resolution(resolution).build());

        assertEquals(wire, input().get("resolution"));
        assertEquals(Duration.ofSeconds(eta), accepted.hint().eta());
    }

    @Test
    void an_open_resolution_gets_the_1k_eta() throws Exception {
        assertEquals(Duration.ofSeconds(20), submit(ProviderRequest.builder("nano-banana-pro", "a cat").build())
                .hint().eta());
    }

    @Test
    void jpeg_is_sent_as_jpeg() throws Exception {
        submit(ProviderRequest.builder("nano-banana-pro", "a cat").outputFormat(OutputFormat.JPEG).build());

        assertEquals("jpeg", input().get("output_format"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9", "auto"})
    void every_declared_aspect_ratio_is_sent_as_written(String ratio) throws Exception {
        submit(ProviderRequest.builder("nano-banana-pro", "a cat").aspectRatio(ratio).build());

        assertEquals(ratio, input().get("aspect_ratio"));
    }

    @Test
    void references_switch_the_mode_to_image_to_image_and_go_as_image_urls_in_order() throws Exception {
        submit(ProviderRequest.builder("nano-banana-pro", "combine these").references(List.of(
                Reference.url("https://example.com/ref1.jpg"), Reference.url("https://example.com/ref2.png"))).build());

        assertEquals("image-to-image", input().get("mode"));
        assertEquals(List.of("https://example.com/ref1.jpg", "https://example.com/ref2.png"),
                input().get("image_urls"));
    }

    @Test
    void ten_references_are_sent() throws Exception {
        List<Reference> refs = IntStream.range(0, 10).mapToObj(i -> (Reference) Reference.url(
                "https://example.com/r" + i + ".png")).toList();
        submit(ProviderRequest.builder("nano-banana-pro", "fuse").references(refs).build());

        assertEquals(10, ((List<?>) input().get("image_urls")).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "value", "official"})
    void provider_option_is_sent_as_the_routing_strategy(String strategy) throws Exception {
        submit(ProviderRequest.builder("nano-banana-pro", "a cat").options(Map.of("provider", strategy)).build());

        assertEquals(strategy, simulator.lastSubmit().get("provider"));
    }

    @Test
    void a_callback_url_switches_the_request_type_to_callback() throws Exception {
        URI callback = URI.create("https://worker.example.com/callbacks/apixo/Zx81kq");
        submit(ProviderRequest.builder("nano-banana-pro", "a cat").callbackUrl(callback).build());

        Map<String, Object> body = simulator.lastSubmit();
        assertEquals("callback", body.get("request_type"));
        assertEquals(callback.toString(), body.get("callback_url"));
    }

    @Test
    void without_a_callback_url_no_callback_field_is_sent() throws Exception {
        submit(ProviderRequest.builder("nano-banana-pro", "a cat").build());

        assertFalse(simulator.lastSubmit().containsKey("callback_url"));
    }

    @Test
    void accepted_task_names_the_provider_model_and_vendor_task_id() throws Exception {
        Submission.Accepted accepted = submit(ProviderRequest.builder("nano-banana-pro", "a cat").build());

        assertEquals("apixo", accepted.task().provider().value());
        assertEquals("nano-banana-pro", accepted.task().model().value());
        assertEquals("pending", simulator.stateOf(accepted.task().taskId()).orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> input() {
        return (Map<String, Object>) simulator.lastSubmit().get("input");
    }

    private static Submission.Accepted submit(ProviderRequest request) throws Exception {
        return assertInstanceOf(Submission.Accepted.class,
                provider.submit(request).toCompletableFuture().get(10, TimeUnit.SECONDS));
    }
}
