package dev.imagegen.spi.contract;

import dev.imagegen.spi.ErrorCode;

/**
 * An HTTP error answer of a vendor and the code it must map to.
 *
 * @param status            the HTTP status
 * @param vendorCode        the vendor's code in the body, or null for the status's usual one
 * @param retryAfterSeconds a {@code Retry-After} the simulator sends and the exception must carry, or null
 * @param expected          the code the provider must fail with
 */
public record HttpErrorCase(int status, String vendorCode, Integer retryAfterSeconds, ErrorCode expected) {

    public static HttpErrorCase of(int status, ErrorCode expected) {
        return new HttpErrorCase(status, null, null, expected);
    }

    public static HttpErrorCase of(int status, String vendorCode, ErrorCode expected) {
        return new HttpErrorCase(status, vendorCode, null, expected);
    }

    public static HttpErrorCase throttled(int retryAfterSeconds) {
        return new HttpErrorCase(429, null, retryAfterSeconds, ErrorCode.RATE_LIMITED);
    }

    @Override
    public String toString() {
        return status + (vendorCode == null ? "" : " " + vendorCode) + " -> " + expected;
    }
}
