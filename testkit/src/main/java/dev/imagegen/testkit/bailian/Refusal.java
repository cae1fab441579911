package dev.imagegen.testkit.bailian;

/** Why the simulated vendor refuses a call: HTTP status, the vendor's code and message. */
record Refusal(int status, String code, String message) {

    static Refusal invalid(String message) {
        return new Refusal(400, "InvalidParameter", message);
    }

    /** The HTTP status DashScope and Ark use for a code. */
    static int statusOf(String code) {
        if (code.startsWith("InternalError") || code.startsWith("InternalServiceError")) {
            return 500;
        }
        if (code.startsWith("Throttling") || code.startsWith("RateLimitExceeded")) {
            return 429;
        }
        if (code.equals("InvalidApiKey") || code.equals("AuthenticationError")) {
            return 401;
        }
        if (code.startsWith("AccessDenied") || code.equals("AccountOverdueError")) {
            return 403;
        }
        if (code.equals("ModelNotFound") || code.startsWith("InvalidEndpointOrModel")) {
            return 404;
        }
        return 400;
    }

    /** The code DashScope answers a status with, when the test did not name one. */
    static String defaultCode(int status) {
        return switch (status) {
            case 401 -> "InvalidApiKey";
            case 403 -> "AccessDenied";
            case 404 -> "ModelNotFound";
            case 429 -> "Throttling.RateQuota";
            default -> status >= 500 ? "InternalError" : "InvalidParameter";
        };
    }

    /** The gateway seed's message for a status. */
    static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "Invalid request parameters";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 429 -> "Rate limit exceeded";
            default -> status >= 500 ? "Internal server error" : "Request failed";
        };
    }
}
