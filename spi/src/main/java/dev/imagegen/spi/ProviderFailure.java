package dev.imagegen.spi;

import java.util.Objects;

/**
 * Why a vendor task or call failed, as a value. Immutable and thread-safe.
 *
 * @param code         the outcome, never null
 * @param providerCode the vendor's own code, null when it gave none
 * @param message      a human-readable reason, never null, never a credential
 */
public record ProviderFailure(ErrorCode code, String providerCode, String message) {
    public ProviderFailure {
        Objects.requireNonNull(code, "code");
        message = message == null || message.isBlank() ? code.name() : message;
    }
}
