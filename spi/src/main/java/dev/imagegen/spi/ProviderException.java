package dev.imagegen.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception root of provider calls: a vendor call failed with an {@link ErrorCode}.
 *
 * <p>Adapters complete their stages exceptionally with it. Its message never contains a credential: adapters
 * build it from the vendor's answer and their own words only. Whether to retry or fall back is a property of
 * {@link #code()} ({@link ErrorCode#retryable()}, {@link ErrorCode#fallbackAllowed()}), never of the message.
 * Immutable once thrown.
 */
public class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String providerCode;
    private final transient Duration retryAfter;

    /**
     * @param code         the outcome, never null
     * @param providerCode the vendor's own code (such as {@code Throttling.RateQuota} or {@code 429}), may be null
     * @param message      what happened, in the vendor's and our words, never a credential
     * @param retryAfter   how long the vendor asked us to wait before the next call, may be null
     * @param cause        the underlying failure, may be null
     */
    public ProviderException(ErrorCode code, String providerCode, String message, Duration retryAfter,
                             Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.providerCode = providerCode;
        this.retryAfter = retryAfter;
    }

    public ProviderException(ErrorCode code, String providerCode, String message) {
        this(code, providerCode, message, null, null);
    }

    public ErrorCode code() {
        return code;
    }

    /** The vendor's own code, when it gave one. */
    public Optional<String> providerCode() {
        return Optional.ofNullable(providerCode);
    }

    /** The vendor's {@code Retry-After} (or similar) hint, when it gave one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** This failure as a value, for snapshots and events. */
    public ProviderFailure toFailure() {
        return new ProviderFailure(code, providerCode, getMessage());
    }

    /**
     * Finds the {@code ProviderException} behind a failed stage's throwable ({@code CompletionException},
     * {@code ExecutionException} wrappers are looked through).
     */
    public static Optional<ProviderException> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProviderException pe) {
                return Optional.of(pe);
            }
        }
        return Optional.empty();
    }
}
