package dev.imagegen.adapter.bailian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.bailian.BailianSimulator;
import dev.imagegen.testkit.bailian.SimOptions;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Resolution;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One request per model family, end to end against the gateway simulator. */
class ModelFamilyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final HttpClient DOWNLOADS = HttpClient.newHttpClient();
    private static Fixture fixture;

    @BeforeAll
    static void start() {
        fixture = Fixture.start(SimOptions.defaults().pendingFor(Duration.ofMillis(150))
                .runningFor(Duration.ofMillis(150)), Map.of(), Clock.fixed(NOW, ZoneOffset.UTC));
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
    void a_first_wait_that_is_set_is_kept_as_given_without_the_family_s_eta() throws Exception {
        try (Fixture configured = Fixture.start(SimOptions.defaults(), Map.of("BAILIAN_POLL_INITIAL_DELAY", "5s"),
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            Submission submission = configured.submit(ProviderRequest.builder("wan2.2-t2i-flash", "a kite").build());
            assertEquals(PollHint.NONE, assertInstanceOf(Submission.Accepted.class, submission).hint());
        }
    }

    @Test
    void wan_text_to_image_runs_as_a_task_through_pending_and_running() throws Exception {
        Submission submission = fixture.submit(ProviderRequest.builder("wan2.2-t2i-flash", "a kite").n(2).build());
        Submission.Accepted accepted = assertInstanceOf(Submission.Accepted.class, submission);
        assertEquals(new PollHint(null, Duration.ofSeconds(15)), accepted.hint());
        List<ProviderTaskState> seen = new ArrayList<>();
        TaskSnapshot end = fixture.poll(accepted.task());
        while (!end.state().terminal()) {
            if (seen.isEmpty() || seen.get(seen.size() - 1) != end.state()) {
                seen.add(end.state());
            }
            Thread.sleep(20);
            end = fixture.poll(accepted.task());
        }
        assertEquals(List.of(ProviderTaskState.QUEUED, ProviderTaskState.RUNNING), seen);
        assertEquals(ProviderTaskState.SUCCEEDED, end.state());
        assertEquals(2, end.images().size());
        assertServed(end.images(), "image/png");
    }

    @Test
    void wan_image_edit_runs_as_a_task() throws Exception {
        List<GeneratedImage> images = fixture.generate(ProviderRequest.builder("wan2.5-i2i-preview", "add snow")
                .references(List.of(Reference.url("https://example.com/house.png"))).aspectRatio("4:3").build());
        assertEquals(1, images.size());
        assertServed(images, "image/png");
    }

    @Test
    void qwen_image_answers_at_once_from_the_choices() throws Exception {
        Submission submission = fixture.submit(ProviderRequest.builder("qwen-image-plus", "a poster").build());
        Submission.Completed done = assertInstanceOf(Submission.Completed.class, submission);
        assertEquals(1, done.images().size());
        assertServed(done.images(), "image/png");
    }

    @Test
    void seedream_answers_at_once_from_ark_data() throws Exception {
        Submission submission = fixture.submit(ProviderRequest.builder("doubao-seedream-4-5-251128", "a bridge")
                .resolution(Resolution.FOUR_K).aspectRatio("3:2").build());
        Submission.Completed done = assertInstanceOf(Submission.Completed.class, submission);
        assertEquals(1, done.images().size());
        assertServed(done.images(), "image/jpeg");
    }

    @Test
    void result_urls_expire_24_hours_after_they_are_read() throws Exception {
        List<GeneratedImage> images = fixture.generate(ProviderRequest.builder("wan2.2-t2i-flash", "p").build());
        assertEquals(NOW.plus(Duration.ofHours(24)), images.get(0).expiresAt());
        List<GeneratedImage> sync = fixture.generate(ProviderRequest.builder("qwen-image", "p").build());
        assertEquals(NOW.plus(Duration.ofHours(24)), sync.get(0).expiresAt());
    }

    @Test
    void gateway_serves_all_eight_models_each_with_its_familys_capabilities() {
        var models = fixture.provider.descriptor().models();
        assertEquals(8, models.size());
        assertTrue(models.stream().allMatch(m -> m.declared().equals(ModelFamily.of(m.model()).orElseThrow()
                .capabilities())), "declared by the family");
    }

    private static void assertServed(List<GeneratedImage> images, String type) throws Exception {
        for (GeneratedImage image : images) {
            HttpResponse<byte[]> response = DOWNLOADS.send(HttpRequest.newBuilder(image.url()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), image.url()::toString);
            assertEquals(type, response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.body().length > 0);
            assertTrue(URI.create(image.url().toString()).getQuery() != null, "signed URLs keep their query");
        }
    }
}
