package dev.imagegen.adapter.bailian;

/**
 * One HTTP answer of the vendor, read as text, before any interpretation.
 *
 * @param status     the HTTP status
 * @param body       the body, empty when there was none
 * @param retryAfter the {@code Retry-After} header, or null
 */
record RawResponse(int status, String body, String retryAfter) {

    RawResponse {
        body = body == null ? "" : body;
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }
}
