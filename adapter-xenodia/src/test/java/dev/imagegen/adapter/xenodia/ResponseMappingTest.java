package dev.imagegen.adapter.xenodia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answer shapes the simulator does not produce: the spellings and gaps the docs leave open. */
class ResponseMappingTest {

    private final ResponseMapping mapping = new ResponseMapping(URI.create("https://api.xenodia.xyz"));

    @Test
    void maps_every_documented_and_defensive_state_word() {
        assertEquals(ProviderTaskState.QUEUED, ResponseMapping.state("waiting"));
        assertEquals(ProviderTaskState.QUEUED, ResponseMapping.state("queuing"));
        assertEquals(ProviderTaskState.RUNNING, ResponseMapping.state("generating"));
        for (String word : List.of("success", "succeeded", "completed", "complete", "SUCCESS")) {
            assertEquals(ProviderTaskState.SUCCEEDED, ResponseMapping.state(word), word);
        }
        for (String word : List.of("fail", "failed", "error", "errored")) {
            assertEquals(ProviderTaskState.FAILED, ResponseMapping.state(word), word);
        }
        assertEquals(ProviderTaskState.UNKNOWN, ResponseMapping.state("paused"));
        assertEquals(ProviderTaskState.UNKNOWN, ResponseMapping.state(null));
    }

    @Test
    void reads_a_failure_whose_error_is_a_bare_string_with_the_top_level_message() {
        TaskSnapshot snapshot = mapping.toSnapshot("""
                {"task_id":"t1","state":"failed","error":"invalid_reference","message":"could not fetch ref 2"}""");
        assertEquals(ErrorCode.INVALID_REFERENCE, snapshot.failure().code());
        assertEquals("invalid_reference", snapshot.failure().providerCode());
        assertEquals("Xenodia task t1 failed with invalid_reference: could not fetch ref 2", snapshot.failure().message());
    }

    @Test
    void a_failure_without_a_code_is_a_generation_failure() {
        TaskSnapshot snapshot = mapping.toSnapshot("{\"task_id\":\"t1\",\"state\":\"fail\",\"error\":{}}");
        assertEquals(ErrorCode.GENERATION_FAILED, snapshot.failure().code());
        assertEquals(null, snapshot.failure().providerCode());
    }

    @Test
    void a_success_without_an_image_url_is_a_generation_failure() {
        TaskSnapshot snapshot = mapping.toSnapshot("{\"task_id\":\"t1\",\"state\":\"success\",\"result\":{}}");
        assertEquals(ProviderTaskState.FAILED, snapshot.state());
        assertEquals(ErrorCode.GENERATION_FAILED, snapshot.failure().code());
    }

    @Test
    void resolves_a_relative_result_url_against_the_base_url() {
        TaskSnapshot snapshot = mapping.toSnapshot("""
                {"task_id":"t1","state":"success","result":{"data":[{"url":"/files/a.png"},{"url":""}]}}""");
        assertEquals(URI.create("https://api.xenodia.xyz/files/a.png"), snapshot.images().get(0).url());
        assertEquals(1, snapshot.warnings().size());
    }

    @Test
    void zero_hints_as_in_the_documented_envelope_are_no_hints() {
        Submission.Accepted accepted = assertInstanceOf(Submission.Accepted.class, mapping.toSubmission(
                ModelId.of("nano-banana-pro"), """
                {"task_id":"task_123","object":"task","state":"waiting","recommended_poll_interval_ms":0,
                 "eta_hint_seconds":0}""", null).submission());
        assertEquals("task_123", accepted.task().taskId());
        assertEquals(PollHint.NONE, accepted.hint());
    }

    @Test
    void a_task_envelope_answered_with_200_is_still_a_task() {
        assertInstanceOf(Submission.Accepted.class, mapping.toSubmission(ModelId.of("gpt-image-2"),
                "{\"task_id\":\"t9\",\"state\":\"queuing\"}", null).submission());
    }

    @Test
    void an_unreadable_submit_answer_leaves_the_outcome_unknown() {
        for (String body : List.of("<html>ok</html>", "{}", "{\"created\":1,\"data\":[]}")) {
            ProviderException e = assertThrows(ProviderException.class,
                    () -> mapping.toSubmission(ModelId.of("nano-banana-pro"), body, null));
            assertEquals(ErrorCode.OUTCOME_UNKNOWN, e.code(), body);
        }
    }

    @Test
    void an_unreadable_task_answer_is_transient() {
        ProviderException e = assertThrows(ProviderException.class, () -> mapping.toSnapshot("not json"));
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, e.code());
    }

    @Test
    void a_finished_task_costs_what_its_final_billing_says_and_nothing_before() {
        TaskSnapshot success = mapping.toSnapshot("""
                {"task_id":"t1","state":"success","result":{"data":[{"url":"/files/a.png"}]},
                 "billing":{"status":"committed","reserve_amount_micro_usdc":100000,
                 "actual_amount_micro_usdc":95001,"released_amount_micro_usdc":4999}}""");
        assertEquals(Cost.ofMicros(95_001, "USDC", "vendor billing"), success.cost());
        assertEquals("0.095001", success.cost().amountText());

        TaskSnapshot failure = mapping.toSnapshot("""
                {"task_id":"t1","state":"fail","error":{"code":"image_generation_failed"},
                 "billing":{"status":"released","reserve_amount_micro_usdc":100000,"actual_amount_micro_usdc":0,
                 "released_amount_micro_usdc":100000}}""");
        assertEquals(Cost.ofMicros(0, "USDC", "vendor billing"), failure.cost());

        for (String billing : List.of("", ",\"billing\":{}", ",\"billing\":{\"status\":\"reserved\","
                + "\"actual_amount_micro_usdc\":100000}", ",\"billing\":{\"status\":\"committed\"}",
                ",\"billing\":{\"status\":\"committed\",\"actual_amount_micro_usdc\":-5}")) {
            assertNull(mapping.toSnapshot("{\"task_id\":\"t1\",\"state\":\"success\",\"result\":{\"data\":"
                    + "[{\"url\":\"/a.png\"}]}" + billing + "}").cost(), billing);
        }
        assertNull(mapping.toSnapshot("{\"task_id\":\"t1\",\"state\":\"generating\",\"billing\":{\"status\":"
                + "\"committed\",\"actual_amount_micro_usdc\":1}}").cost(), "only a finished task has a cost");
    }

    @Test
    void a_submit_answer_carries_the_price_it_is_given() {
        Cost price = Cost.ofMicros(134_000, "USDC", "vendor price list: 1k_2k tier × 1 image");
        assertEquals(price, ((Submission.Accepted) mapping.toSubmission(ModelId.of("gpt-image-2"),
                "{\"task_id\":\"t9\",\"state\":\"queuing\"}", price).submission()).price());
        assertEquals(price, ((Submission.Completed) mapping.toSubmission(ModelId.of("gpt-image-2"),
                "{\"created\":1,\"data\":[{\"url\":\"/a.png\"}]}", price).submission()).cost());
    }
}
