package dev.imagegen.spi;

/**
 * The closed set of outcomes a generation can fail with (the worker's contract, section 3.3), each marked once
 * for its retry and fallback semantics.
 *
 * <ul>
 *   <li>{@link #retryable()}: the same call may succeed if it is repeated later, so the library repeats it within
 *       its retry budget, and a caller may repeat the whole request later. Only throttling and transient vendor
 *       unavailability are retryable; nothing that could bill twice is.</li>
 *   <li>{@link #fallbackAllowed()}: the failure happened before any vendor accepted the task and is specific to
 *       that provider, so another provider serving the same model may be tried.</li>
 * </ul>
 * Immutable (an enum).
 */
public enum ErrorCode {
    //                       retryable fallback
    INVALID_REQUEST(false, false),
    UNSUPPORTED_MODEL(false, true),
    UNSUPPORTED_PARAMETER(false, false),
    AUTHENTICATION_FAILED(false, true),
    PERMISSION_DENIED(false, true),
    INSUFFICIENT_BALANCE(false, true),
    RATE_LIMITED(true, true),
    CONTENT_VIOLATION(false, false),
    INVALID_REFERENCE(false, false),
    PROVIDER_UNAVAILABLE(true, true),
    GENERATION_FAILED(false, false),
    TIMEOUT(false, false),
    OUTCOME_UNKNOWN(false, false);

    private final boolean retryable;
    private final boolean fallbackAllowed;

    ErrorCode(boolean retryable, boolean fallbackAllowed) {
        this.retryable = retryable;
        this.fallbackAllowed = fallbackAllowed;
    }

    /** Whether repeating the same call later may succeed (and the library repeats it within budget). */
    public boolean retryable() {
        return retryable;
    }

    /** Whether another provider may be tried when a submit fails with this code before any vendor accepted it. */
    public boolean fallbackAllowed() {
        return fallbackAllowed;
    }
}
