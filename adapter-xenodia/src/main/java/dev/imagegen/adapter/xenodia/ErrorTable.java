package dev.imagegen.adapter.xenodia;

import dev.imagegen.spi.ErrorCode;
import java.util.Map;

/**
 * Xenodia's HTTP statuses and codes, and its task failure codes, mapped to {@link ErrorCode} in one place
 * (VENDORS.md, Xenodia decisions).
 */
final class ErrorTable {

    /** Which kind of call failed: the same status can mean different things. */
    enum Call { SUBMIT, POLL, DISCOVERY }

    /** Codes that mean the same on a refused submit and in a failed task. */
    private static final Map<String, ErrorCode> CONTENT_CODES = Map.of(
            "content_policy_violation", ErrorCode.CONTENT_VIOLATION,
            "invalid_reference", ErrorCode.INVALID_REFERENCE);

    private static final Map<String, ErrorCode> BAD_REQUEST_CODES = Map.of(
            "bad_request", ErrorCode.INVALID_REQUEST,
            "unsupported_model", ErrorCode.UNSUPPORTED_MODEL);

    private ErrorTable() {
    }

    /**
     * The code of a non-2xx answer. 400 is read by its vendor code; 404 means an unknown task on a poll and a
     * missing endpoint otherwise; 408 and every 5xx (502 {@code image_generation_failed} included) are transient,
     * except a 504 on submit: a gateway gave up waiting while the generation may have gone on and been billed
     * (VENDORS.md reports "504 but quota charged, no task id"), so its outcome is unknown.
     */
    static ErrorCode forStatus(Call call, int status, String vendorCode) {
        return switch (status) {
            case 400 -> CONTENT_CODES.getOrDefault(vendorCode,
                    BAD_REQUEST_CODES.getOrDefault(vendorCode, ErrorCode.INVALID_REQUEST));
            case 401 -> ErrorCode.AUTHENTICATION_FAILED;
            case 402 -> ErrorCode.INSUFFICIENT_BALANCE;
            case 403 -> ErrorCode.PERMISSION_DENIED;
            case 404 -> call == Call.POLL ? ErrorCode.GENERATION_FAILED : ErrorCode.PROVIDER_UNAVAILABLE;
            case 408 -> ErrorCode.PROVIDER_UNAVAILABLE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 504 -> call == Call.SUBMIT ? ErrorCode.OUTCOME_UNKNOWN : ErrorCode.PROVIDER_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.PROVIDER_UNAVAILABLE : ErrorCode.INVALID_REQUEST;
        };
    }

    /** The code of a task that ended {@code fail}: content and reference problems, else a failed generation. */
    static ErrorCode forTaskFailure(String vendorCode) {
        return vendorCode == null ? ErrorCode.GENERATION_FAILED
                : CONTENT_CODES.getOrDefault(vendorCode, ErrorCode.GENERATION_FAILED);
    }
}
