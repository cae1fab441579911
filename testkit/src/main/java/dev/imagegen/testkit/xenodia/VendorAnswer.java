package dev.imagegen.testkit.xenodia;

import java.util.Map;

/** One answer of the simulated API: status, JSON body, extra headers; and Xenodia's error bodies. */
record VendorAnswer(int status, Map<String, Object> json, Map<String, String> headers) {

    static VendorAnswer of(int status, Map<String, Object> json) {
        return new VendorAnswer(status, json, Map.of());
    }

    /** Xenodia's error body {@code {error, message}}, with the usual code and text of the status when not given. */
    static VendorAnswer error(int status, String code, String message, Integer retryAfterSeconds) {
        Map<String, Object> json = SimulatedModel.orderedMap("error", code != null ? code : defaultCode(status),
                "message", message != null ? message : defaultMessage(status));
        return new VendorAnswer(status, json, retryAfterSeconds == null ? Map.of()
                : Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    private static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 402 -> "insufficient_balance";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 429 -> "rate_limited";
            case 502 -> "image_generation_failed";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "invalid request payload or unsupported parameter";
            case 401 -> "missing or invalid bearer token";
            case 402 -> "insufficient balance";
            case 403 -> "this key may not use this model";
            case 429 -> "too many requests";
            case 502 -> "upstream image generation failed";
            case 503 -> "service temporarily unavailable";
            default -> "request failed";
        };
    }
}
