package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The error table of CONTRACT.md section 3.3, written out here independently of the enum. */
class ErrorCodeTest {

    private static final List<String> CONTRACT_CODES = List.of(
            "INVALID_REQUEST", "UNSUPPORTED_MODEL", "UNSUPPORTED_PARAMETER", "AUTHENTICATION_FAILED",
            "PERMISSION_DENIED", "INSUFFICIENT_BALANCE", "RATE_LIMITED", "CONTENT_VIOLATION", "INVALID_REFERENCE",
            "PROVIDER_UNAVAILABLE", "GENERATION_FAILED", "TIMEOUT", "OUTCOME_UNKNOWN");

    @Test
    void has_exactly_the_thirteen_codes_of_the_contract() {
        Set<String> names = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
        assertEquals(13, ErrorCode.values().length);
        assertEquals(Set.copyOf(CONTRACT_CODES), names);
    }

    @Test
    void only_rate_limited_and_provider_unavailable_are_retryable() {
        Set<ErrorCode> retryable = Arrays.stream(ErrorCode.values()).filter(ErrorCode::retryable)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ErrorCode.class)));
        assertEquals(EnumSet.of(ErrorCode.RATE_LIMITED, ErrorCode.PROVIDER_UNAVAILABLE), retryable);
    }

    @Test
    void fallback_is_allowed_exactly_for_failures_before_a_vendor_accepted_that_are_provider_specific() {
        Set<ErrorCode> fallback = Arrays.stream(ErrorCode.values()).filter(ErrorCode::fallbackAllowed)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ErrorCode.class)));
        assertEquals(EnumSet.of(ErrorCode.UNSUPPORTED_MODEL, ErrorCode.AUTHENTICATION_FAILED,
                ErrorCode.PERMISSION_DENIED, ErrorCode.INSUFFICIENT_BALANCE, ErrorCode.RATE_LIMITED,
                ErrorCode.PROVIDER_UNAVAILABLE), fallback);
    }

    @Test
    void provider_exception_takes_its_semantics_from_its_code_and_is_found_behind_wrappers() {
        ProviderException cause = new ProviderException(ErrorCode.RATE_LIMITED, "429", "slow down",
                java.time.Duration.ofSeconds(3), null);
        Throwable wrapped = new java.util.concurrent.CompletionException(
                new java.util.concurrent.ExecutionException(cause));

        ProviderException found = ProviderException.find(wrapped).orElseThrow();

        assertEquals(ErrorCode.RATE_LIMITED, found.code());
        assertEquals(java.util.Optional.of(java.time.Duration.ofSeconds(3)), found.retryAfter());
        assertEquals(new ProviderFailure(ErrorCode.RATE_LIMITED, "429", "slow down"), found.toFailure());
        assertEquals(java.util.Optional.empty(), ProviderException.find(new IllegalStateException("x")));
    }
}
