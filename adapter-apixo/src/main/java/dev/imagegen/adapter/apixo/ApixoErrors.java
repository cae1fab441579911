package dev.imagegen.adapter.apixo;

import dev.imagegen.spi.ErrorCode;
import java.util.Locale;
import java.util.Map;

/**
 * Apixo's error vocabulary mapped to the library's codes, in one place: task {@code failCode}s and HTTP statuses
 * (or the {@code code} of a {@code {code, message, data}} body, which mirrors the status).
 */
final class ApixoErrors {

    /** Which call an HTTP error answered: the same status means different things on the two endpoints. */
    enum Call { SUBMIT, STATUS }

    private static final Map<String, ErrorCode> FAIL_CODES = Map.ofEntries(
            Map.entry("CONTENT_VIOLATION", ErrorCode.CONTENT_VIOLATION),
            Map.entry("NSFW_DETECTED", ErrorCode.CONTENT_VIOLATION),
            Map.entry("ProhibitedContentDetected", ErrorCode.CONTENT_VIOLATION),
            Map.entry("NSFW", ErrorCode.CONTENT_VIOLATION),
            Map.entry("INVALID_IMAGE_URL", ErrorCode.INVALID_REFERENCE),
            Map.entry("IMAGE_DOWNLOAD_FAILED", ErrorCode.INVALID_REFERENCE),
            Map.entry("IMAGE_TOO_LARGE", ErrorCode.INVALID_REFERENCE),
            Map.entry("UNSUPPORTED_FORMAT", ErrorCode.INVALID_REFERENCE),
            Map.entry("PROMPT_TOO_LONG", ErrorCode.INVALID_REQUEST),
            Map.entry("INVALID_PROMPT", ErrorCode.INVALID_REQUEST),
            Map.entry("PromptLengthExceeded", ErrorCode.INVALID_REQUEST),
            Map.entry("INSUFFICIENT_CREDITS", ErrorCode.INSUFFICIENT_BALANCE),
            Map.entry("PROCESSING_TIMEOUT", ErrorCode.TIMEOUT));

    private ApixoErrors() {
    }

    /**
     * The code of a task {@code failCode}: the documented ones (both vocabularies), every
     * {@code SensitiveContent*} and {@code *SensitiveContentDetected} as a content violation, anything else
     * {@code GENERATION_FAILED}.
     */
    static ErrorCode failCode(String failCode) {
        if (failCode == null || failCode.isBlank()) {
            return ErrorCode.GENERATION_FAILED;
        }
        ErrorCode known = FAIL_CODES.get(failCode);
        if (known != null) {
            return known;
        }
        if (failCode.startsWith("SensitiveContent") || failCode.endsWith("SensitiveContentDetected")) {
            return ErrorCode.CONTENT_VIOLATION;
        }
        return ErrorCode.GENERATION_FAILED;
    }

    /**
     * The code of an HTTP error status (or body {@code code}) with the body's message. A 400 whose message says
     * "Insufficient credits" is a balance problem, as Apixo reports it that way; a 404 on submit is an unknown
     * model, on status an unknown task. A 504 on submit leaves the outcome unknown: a gateway gave up waiting while
     * the task may have gone on to be generated and billed (VENDORS.md reports "504 but quota charged, no task id").
     */
    static ErrorCode httpStatus(Call call, int status, String message) {
        return switch (status) {
            case 400 -> insufficientCredits(message) ? ErrorCode.INSUFFICIENT_BALANCE : ErrorCode.INVALID_REQUEST;
            case 401 -> ErrorCode.AUTHENTICATION_FAILED;
            case 402 -> ErrorCode.INSUFFICIENT_BALANCE;
            case 403 -> ErrorCode.PERMISSION_DENIED;
            case 404 -> call == Call.SUBMIT ? ErrorCode.UNSUPPORTED_MODEL : ErrorCode.GENERATION_FAILED;
            case 408 -> ErrorCode.PROVIDER_UNAVAILABLE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 504 -> call == Call.SUBMIT ? ErrorCode.OUTCOME_UNKNOWN : ErrorCode.PROVIDER_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.PROVIDER_UNAVAILABLE : ErrorCode.INVALID_REQUEST;
        };
    }

    private static boolean insufficientCredits(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("insufficient credit");
    }
}
