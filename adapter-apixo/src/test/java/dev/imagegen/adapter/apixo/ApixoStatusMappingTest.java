package dev.imagegen.adapter.apixo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.imagegen.adapter.apixo.wire.TaskStatus;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.TaskSnapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** statusTask data onto snapshots, as seed 004 and VENDORS.md describe it. */
class ApixoStatusMappingTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private final ApixoMapper mapper = new ApixoMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource({"pending, QUEUED", "processing, RUNNING", "PROCESSING, RUNNING", "archived, UNKNOWN", "'', UNKNOWN"})
    void non_terminal_states_are_mapped(String state, ProviderTaskState expected) {
        TaskSnapshot snapshot = mapper.snapshot(status(state, null, null, null, null));

        assertEquals(expected, snapshot.state());
        assertEquals(state, snapshot.vendorState());
    }

    @Test
    void running_states_hint_the_three_second_cadence() {
        assertEquals(PollHint.retryAfter(Duration.ofSeconds(3)),
                mapper.snapshot(status("processing", null, null, null, null)).hint());
    }

    @Test
    void success_reads_result_urls_from_the_result_json_string_and_expires_24h_after_completion() {
        long completed = 1767965652317L;
        TaskSnapshot snapshot = mapper.snapshot(status("success",
                "{\"resultUrls\":[\"https://r2.apixo.ai/a.png\",\"https://r2.apixo.ai/b.png\"]}", null, null,
                completed));

        assertEquals(ProviderTaskState.SUCCEEDED, snapshot.state());
        assertEquals(List.of(URI.create("https://r2.apixo.ai/a.png"), URI.create("https://r2.apixo.ai/b.png")),
                snapshot.images().stream().map(i -> i.url()).toList());
        assertEquals(Instant.ofEpochMilli(completed).plus(Duration.ofHours(24)), snapshot.images().get(0).expiresAt());
    }

    @Test
    void success_without_complete_time_expires_24h_from_now() {
        TaskSnapshot snapshot = mapper.snapshot(status("success", "{\"resultUrls\":[\"https://r2.apixo.ai/a.png\"]}",
                null, null, null));

        assertEquals(NOW.plus(Duration.ofHours(24)), snapshot.images().get(0).expiresAt());
    }

    @Test
    void success_without_readable_result_urls_is_a_generation_failure() {
        for (String resultJson : new String[] {null, "", "not json", "{\"resultUrls\":[]}", "[1,2]"}) {
            TaskSnapshot snapshot = mapper.snapshot(status("success", resultJson, null, null, 1L));

            assertEquals(ProviderTaskState.FAILED, snapshot.state(), String.valueOf(resultJson));
            assertEquals(ErrorCode.GENERATION_FAILED, snapshot.failure().code());
        }
    }

    @Test
    void failure_keeps_the_fail_code_and_message() {
        TaskSnapshot snapshot = mapper.snapshot(status("failed", null, "CONTENT_VIOLATION",
                "Content does not meet safety guidelines", 1L));

        assertEquals(ErrorCode.CONTENT_VIOLATION, snapshot.failure().code());
        assertEquals("CONTENT_VIOLATION", snapshot.failure().providerCode());
        assertEquals("Apixo task task_1 failed: Content does not meet safety guidelines", snapshot.failure().message());
    }

    @Test
    void failure_without_a_fail_code_is_a_generation_failure_without_vendor_code() {
        TaskSnapshot snapshot = mapper.snapshot(status("failed", null, null, null, null));

        assertEquals(ErrorCode.GENERATION_FAILED, snapshot.failure().code());
        assertNull(snapshot.failure().providerCode());
    }

    @ParameterizedTest
    @CsvSource({
            "CONTENT_VIOLATION, CONTENT_VIOLATION", "NSFW_DETECTED, CONTENT_VIOLATION", "NSFW, CONTENT_VIOLATION",
            "SensitiveContent, CONTENT_VIOLATION", "SensitiveContentDetected, CONTENT_VIOLATION",
            "SensitiveContentDetected.Violence, CONTENT_VIOLATION",
            "InputImageSensitiveContentDetected, CONTENT_VIOLATION",
            "InputOutputSensitiveContentDetected, CONTENT_VIOLATION",
            "ProhibitedContentDetected, CONTENT_VIOLATION",
            "INVALID_IMAGE_URL, INVALID_REFERENCE", "IMAGE_DOWNLOAD_FAILED, INVALID_REFERENCE",
            "IMAGE_TOO_LARGE, INVALID_REFERENCE", "UNSUPPORTED_FORMAT, INVALID_REFERENCE",
            "PROMPT_TOO_LONG, INVALID_REQUEST", "INVALID_PROMPT, INVALID_REQUEST",
            "PromptLengthExceeded, INVALID_REQUEST", "INSUFFICIENT_CREDITS, INSUFFICIENT_BALANCE",
            "PROCESSING_TIMEOUT, TIMEOUT", "MODEL_UNAVAILABLE, GENERATION_FAILED",
            "GENERATION_FAILED, GENERATION_FAILED", "content_violation, GENERATION_FAILED"})
    void every_fail_code_maps_to_its_error_code(String failCode, ErrorCode expected) {
        assertEquals(expected, ApixoErrors.failCode(failCode));
    }

    private static TaskStatus status(String state, String resultJson, String failCode, String failMsg,
                                     Long completeTime) {
        return new TaskStatus("task_1", state, resultJson, failCode, failMsg, 1767965610929L, completeTime, null);
    }
}
