package dev.imagegen.adapter.xenodia;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.adapter.xenodia.ErrorTable.Call;
import dev.imagegen.spi.ErrorCode;
import org.junit.jupiter.api.Test;

/** The status and code table beyond the contract suite's cases, and the error body readers. */
class ErrorTableTest {

    @Test
    void a_404_is_an_unknown_task_on_poll_and_a_missing_endpoint_on_submit() {
        assertEquals(ErrorCode.GENERATION_FAILED, ErrorTable.forStatus(Call.POLL, 404, "not_found"));
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, ErrorTable.forStatus(Call.SUBMIT, 404, null));
    }

    @Test
    void content_codes_on_a_400_keep_their_meaning() {
        assertEquals(ErrorCode.CONTENT_VIOLATION, ErrorTable.forStatus(Call.SUBMIT, 400, "content_policy_violation"));
        assertEquals(ErrorCode.INVALID_REFERENCE, ErrorTable.forStatus(Call.SUBMIT, 400, "invalid_reference"));
        assertEquals(ErrorCode.INVALID_REQUEST, ErrorTable.forStatus(Call.SUBMIT, 400, "something_new"));
    }

    @Test
    void other_statuses_are_transient_when_5xx_or_408_and_refusals_otherwise() {
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, ErrorTable.forStatus(Call.SUBMIT, 503, null));
        assertEquals(ErrorCode.OUTCOME_UNKNOWN, ErrorTable.forStatus(Call.SUBMIT, 504, null));
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, ErrorTable.forStatus(Call.POLL, 504, null));
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, ErrorTable.forStatus(Call.SUBMIT, 408, null));
        assertEquals(ErrorCode.INVALID_REQUEST, ErrorTable.forStatus(Call.SUBMIT, 413, null));
    }

    @Test
    void task_failures_other_than_content_and_reference_are_generation_failures() {
        assertEquals(ErrorCode.GENERATION_FAILED, ErrorTable.forTaskFailure("unsupported_model"));
        assertEquals(ErrorCode.GENERATION_FAILED, ErrorTable.forTaskFailure(null));
    }

    @Test
    void reads_error_bodies_flat_nested_or_not_json() {
        assertEquals(new VendorError("bad_request", "only n=1 is supported"),
                VendorError.ofBody("{\"error\":\"bad_request\",\"message\":\"only n=1 is supported\"}"));
        assertEquals(new VendorError("rate_limit", "slow down"),
                VendorError.ofBody("{\"error\":{\"code\":\"rate_limit\",\"message\":\"slow down\"}}"));
        assertEquals(new VendorError(null, "Bad Gateway"), VendorError.ofBody("Bad Gateway"));
        assertEquals(new VendorError(null, null), VendorError.ofBody(""));
    }
}
