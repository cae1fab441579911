package dev.imagegen.adapter.bailian;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderFailure;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The one error table: DashScope, Ark and gateway codes, then HTTP statuses, to {@link ErrorCode}. Codes are matched
 * case-insensitively (DashScope also writes snake_case aliases such as {@code invalid_api_key}); the first rule
 * that matches wins. A code the table does not know falls back to the HTTP status (a gateway envelope's numeric
 * {@code code} such as {@code "429"} counts as a status).
 *
 * <p>A task that the vendor accepted and then failed is never transient: its {@code InternalError*} or
 * {@code Throttling*} code maps to {@link ErrorCode#GENERATION_FAILED}, since a retry would be a new, separately
 * billed task.
 */
final class BailianErrors {

    private static final List<Rule> RULES = List.of(
            exact(ErrorCode.INVALID_REFERENCE, "InvalidParameter.DataInspection", "InvalidURL",
                    "BadRequest.InputDownloadFailed", "InternalError.Algo.InvalidParameter"),
            prefix(ErrorCode.INVALID_REFERENCE, "InvalidImageURL"),
            exact(ErrorCode.CONTENT_VIOLATION, "DataInspectionFailed", "data_inspection_failed",
                    "IPInfringementSuspect"),
            contains(ErrorCode.CONTENT_VIOLATION, "SensitiveContent"),
            exact(ErrorCode.INSUFFICIENT_BALANCE, "Arrearage", "AccountOverdueError"),
            exact(ErrorCode.AUTHENTICATION_FAILED, "InvalidApiKey", "invalid_api_key", "AuthenticationError",
                    "Unauthorized"),
            prefix(ErrorCode.PERMISSION_DENIED, "AccessDenied", "Model.AccessDenied", "AllocationQuota.",
                    "ModelNotOpen"),
            exact(ErrorCode.UNSUPPORTED_MODEL, "ModelNotFound", "model_not_found"),
            prefix(ErrorCode.UNSUPPORTED_MODEL, "InvalidEndpointOrModel", "InvalidEndpoint."),
            prefix(ErrorCode.RATE_LIMITED, "Throttling", "RateLimitExceeded", "ModelAccountRpmRateLimitExceeded",
                    "insufficient_quota"),
            prefix(ErrorCode.PROVIDER_UNAVAILABLE, "InternalError", "InternalServiceError", "ServiceUnavailable",
                    "SystemError"),
            prefix(ErrorCode.INVALID_REQUEST, "InvalidParameter", "MissingParameter", "BadRequest",
                    "UnsupportedOperation", "invalid_request", "InvalidRequest"));

    private BailianErrors() {
    }

    /**
     * The outcome of a refused call.
     *
     * @param status  the HTTP status (200 for an envelope with {@code success:false})
     * @param code    the vendor's code, or null
     * @param message the vendor's message, or null
     */
    static ErrorCode ofCall(int status, String code, String message) {
        if (code != null && code.matches("\\d{3}") && ofStatus(Integer.parseInt(code)) != null) {
            return ofStatus(Integer.parseInt(code));
        }
        ErrorCode byCode = ofCode(code, message);
        if (byCode != null) {
            return byCode;
        }
        ErrorCode byStatus = ofStatus(status);
        return byStatus == null ? ErrorCode.GENERATION_FAILED : byStatus;
    }

    /** The failure of a task the vendor accepted and ended {@code FAILED} (or an image that failed in it). */
    static ProviderFailure ofTask(String code, String message) {
        ErrorCode byCode = ofCode(code, message);
        ErrorCode mapped = byCode == null || byCode.retryable() ? ErrorCode.GENERATION_FAILED : byCode;
        return new ProviderFailure(mapped, code, message);
    }

    /** The code's outcome, or null when the table does not know it. */
    static ErrorCode ofCode(String code, String message) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (code.equalsIgnoreCase("InvalidParameter") && message != null && message.contains("Model not exist")) {
            return ErrorCode.UNSUPPORTED_MODEL;
        }
        String lower = code.toLowerCase(Locale.ROOT);
        return RULES.stream().filter(r -> r.matches().test(lower)).map(Rule::outcome).findFirst().orElse(null);
    }

    /** The status's outcome, or null for a 2xx/3xx. */
    static ErrorCode ofStatus(int status) {
        if (status >= 500) {
            return ErrorCode.PROVIDER_UNAVAILABLE;
        }
        return switch (status) {
            case 401 -> ErrorCode.AUTHENTICATION_FAILED;
            case 402 -> ErrorCode.INSUFFICIENT_BALANCE;
            case 403 -> ErrorCode.PERMISSION_DENIED;
            case 404 -> ErrorCode.UNSUPPORTED_MODEL;
            case 408 -> ErrorCode.PROVIDER_UNAVAILABLE;
            case 429 -> ErrorCode.RATE_LIMITED;
            default -> status >= 400 ? ErrorCode.INVALID_REQUEST : null;
        };
    }

    private static Rule exact(ErrorCode outcome, String... codes) {
        List<String> lower = lower(codes);
        return new Rule(lower::contains, outcome);
    }

    private static Rule prefix(ErrorCode outcome, String... prefixes) {
        List<String> lower = lower(prefixes);
        return new Rule(code -> lower.stream().anyMatch(code::startsWith), outcome);
    }

    private static Rule contains(ErrorCode outcome, String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        return new Rule(code -> code.contains(lower), outcome);
    }

    private static List<String> lower(String... values) {
        return java.util.Arrays.stream(values).map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private record Rule(Predicate<String> matches, ErrorCode outcome) {
    }
}
