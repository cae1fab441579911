package dev.imagegen.adapter.xenodia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.xenodia.ResponseMode;
import dev.imagegen.testkit.xenodia.SimulatorOptions;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both answers of the submit endpoint, the task status call, and every failure class of each. */
class SubmitAndPollTest {

    @RegisterExtension
    static final SimulatedXenodia XENODIA = new SimulatedXenodia(SimulatorOptions.defaults()
            .withDurations(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60))
            .withHints(1500, true));

    @Test
    void a_202_task_envelope_is_accepted_with_its_task_id_and_hints() {
        Submission.Accepted accepted = assertInstanceOf(Submission.Accepted.class, submit());
        assertEquals(ProviderId.of("xenodia"), accepted.task().provider());
        assertEquals(ModelId.of("nano-banana-pro"), accepted.task().model());
        assertTrue(XENODIA.simulator().stateOf(accepted.task().taskId()).isPresent());
        assertEquals(Duration.ofMillis(1500), accepted.hint().retryAfter());
        assertEquals(Duration.ofSeconds(120), accepted.hint().eta());
    }

    @Test
    void a_200_with_data_completes_at_once_without_expiry() {
        XENODIA.simulator().respondWith(ResponseMode.SYNC);
        Submission.Completed done = assertInstanceOf(Submission.Completed.class, submit());
        assertEquals(1, done.images().size());
        assertTrue(done.images().get(0).url().toString().startsWith(XENODIA.simulator().baseUrl() + "/files/"));
        assertNull(done.images().get(0).expiresAt());
    }

    @Test
    void a_server_of_the_older_docs_answers_with_a_task_because_async_is_sent() {
        XENODIA.simulator().respondWith(ResponseMode.LEGACY);
        assertInstanceOf(Submission.Accepted.class, submit());
    }

    @Test
    void a_synchronous_502_image_generation_failed_is_provider_unavailable() {
        XENODIA.simulator().respondWith(ResponseMode.SYNC);
        XENODIA.simulator().failTasksWith("image_generation_failed");
        ProviderException e = failure(XENODIA.provider().submit(Fixtures.typical()));
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, e.code());
        assertEquals("image_generation_failed", e.providerCode().orElseThrow());
    }

    @Test
    void a_synchronous_content_policy_refusal_is_a_content_violation() {
        XENODIA.simulator().respondWith(ResponseMode.SYNC);
        XENODIA.simulator().failTasksWith("content_policy_violation");
        assertEquals(ErrorCode.CONTENT_VIOLATION, failure(XENODIA.provider().submit(Fixtures.typical())).code());
    }

    @Test
    void a_pending_task_carries_progress_and_the_recommended_poll_interval() {
        TaskSnapshot snapshot = poll(task());
        assertEquals(ProviderTaskState.QUEUED, snapshot.state());
        assertEquals("waiting", snapshot.vendorState());
        assertEquals(0, snapshot.progress());
        assertEquals(Duration.ofMillis(1500), snapshot.hint().retryAfter());
        assertTrue(snapshot.hint().eta().compareTo(Duration.ofSeconds(110)) > 0, snapshot.hint().toString());
    }

    @Test
    void a_successful_task_yields_its_result_urls_without_expiry() {
        XENODIA.simulator().pinTasksTo("success");
        TaskSnapshot snapshot = poll(task());
        assertEquals(ProviderTaskState.SUCCEEDED, snapshot.state());
        assertEquals(1, snapshot.images().size());
        assertNull(snapshot.images().get(0).expiresAt());
    }

    @Test
    void a_failed_task_carries_the_vendor_code_and_message() {
        XENODIA.simulator().failTasksWith("content_policy_violation");
        XENODIA.simulator().pinTasksTo("fail");
        TaskSnapshot snapshot = poll(task());
        assertEquals(ErrorCode.CONTENT_VIOLATION, snapshot.failure().code());
        assertEquals("content_policy_violation", snapshot.failure().providerCode());
        assertTrue(snapshot.failure().message().contains("content moderation"), snapshot.failure().message());
    }

    @Test
    void an_unknown_task_id_is_a_404_generation_failed() {
        ProviderException e = failure(XENODIA.provider().poll(ref("task_does_not_exist")));
        assertEquals(ErrorCode.GENERATION_FAILED, e.code());
        assertEquals("not_found", e.providerCode().orElseThrow());
    }

    @Test
    void a_throttled_poll_is_rate_limited_with_retry_after() {
        ProviderTaskRef task = task();
        XENODIA.simulator().failNextPoll(429, null, 3);
        ProviderException e = failure(XENODIA.provider().poll(task));
        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
    }

    @Test
    void a_poll_answered_with_5xx_is_provider_unavailable() {
        ProviderTaskRef task = task();
        XENODIA.simulator().failNextPoll(503, null, null);
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure(XENODIA.provider().poll(task)).code());
    }

    @Test
    void a_poll_with_a_revoked_key_is_authentication_failed() {
        ProviderTaskRef task = task();
        XENODIA.simulator().failNextPoll(401, null, null);
        assertEquals(ErrorCode.AUTHENTICATION_FAILED, failure(XENODIA.provider().poll(task)).code());
    }

    @Test
    void a_task_of_another_provider_is_refused_without_a_call() {
        ProviderTaskRef foreign = new ProviderTaskRef(ProviderId.of("apixo"), ModelId.of("nano-banana-pro"), "t1");
        assertEquals(ErrorCode.INVALID_REQUEST, failure(XENODIA.provider().poll(foreign)).code());
        assertEquals(0, XENODIA.simulator().counters().polls());
    }

    @Test
    void a_read_timeout_after_the_submit_was_sent_is_outcome_unknown() {
        try (ImageProvider impatient = impatientProvider()) {
            XENODIA.simulator().stallNextSubmit(Duration.ofMillis(1500));
            ProviderException e = failure(impatient.submit(Fixtures.typical()));
            assertEquals(ErrorCode.OUTCOME_UNKNOWN, e.code(), e.getMessage());
        }
    }

    @Test
    void a_read_timeout_on_a_poll_is_provider_unavailable() {
        try (ImageProvider impatient = impatientProvider()) {
            ProviderTaskRef task = task();
            XENODIA.simulator().stallNextPoll(Duration.ofMillis(1500));
            assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure(impatient.poll(task)).code());
        }
    }

    @Test
    void a_refused_connection_on_submit_is_provider_unavailable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var config = Fixtures.config(XENODIA.simulator());
        config.put("XENODIA_BASE_URL", "http://127.0.0.1:" + closedPort);
        try (ImageProvider unreachable = Fixtures.provider(config)) {
            ProviderException e = failure(unreachable.submit(Fixtures.typical()));
            assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, e.code(), e.getMessage());
            assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure(unreachable.poll(ref("task_1"))).code());
        }
    }

    @Test
    void close_is_idempotent_and_a_closed_provider_refuses_calls() {
        ImageProvider closing = Fixtures.provider(XENODIA.simulator());
        closing.close();
        closing.close();
        assertThrows(CompletionException.class, () -> closing.submit(Fixtures.typical()).toCompletableFuture().join());
    }

    private static ImageProvider impatientProvider() {
        var config = Fixtures.config(XENODIA.simulator());
        config.put("XENODIA_READ_TIMEOUT", "300ms");
        return Fixtures.provider(config);
    }

    private static Submission submit() {
        return XENODIA.provider().submit(Fixtures.typical()).toCompletableFuture().join();
    }

    private static ProviderTaskRef task() {
        return assertInstanceOf(Submission.Accepted.class, submit()).task();
    }

    private static TaskSnapshot poll(ProviderTaskRef task) {
        return XENODIA.provider().poll(task).toCompletableFuture().join();
    }

    private static ProviderTaskRef ref(String id) {
        return new ProviderTaskRef(ProviderId.of("xenodia"), ModelId.of("nano-banana-pro"), id);
    }

    private static ProviderException failure(CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
        return assertInstanceOf(ProviderException.class, e.getCause());
    }
}
