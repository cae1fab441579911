package dev.imagegen.core;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request's W3C Trace Context (https://www.w3.org/TR/trace-context/): the {@code traceparent} and
 * {@code tracestate} values it came with, kept as text so that they can be carried unchanged onto every event of
 * the task and survive a restart (the worker stores them in the task state). The engine's spans for the task are
 * children of this context. Immutable and thread-safe.
 *
 * @param traceparent the {@code traceparent} value, in the W3C format ({@code 00-<32 hex>-<16 hex>-<2 hex>}), never
 *                    null
 * @param tracestate  the {@code tracestate} value, or null when there was none
 */
public record TraceContext(String traceparent, String tracestate) {

    /** The longest {@code tracestate} carried; the W3C asks to propagate at least 512 characters. */
    public static final int MAX_TRACESTATE = 512;

    private static final Pattern TRACEPARENT =
            Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}(-[\\x21-\\x7e]*)?");

    public TraceContext {
        Objects.requireNonNull(traceparent, "traceparent");
        if (!validTraceparent(traceparent)) {
            throw new IllegalArgumentException("traceparent must be a W3C traceparent such as "
                    + "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01, got " + shown(traceparent));
        }
        if (tracestate != null && tracestate.length() > MAX_TRACESTATE) {
            throw new IllegalArgumentException("tracestate must have at most " + MAX_TRACESTATE
                    + " characters, got " + tracestate.length());
        }
    }

    /**
     * The context of these header values, or empty when there is none to carry: no {@code traceparent}, or one that
     * is not a W3C traceparent (a tracestate without a valid traceparent means nothing, W3C 3.3). A
     * {@code tracestate} over {@link #MAX_TRACESTATE} characters, or blank, is dropped.
     */
    public static Optional<TraceContext> fromHeaders(String traceparent, String tracestate) {
        if (traceparent == null || !validTraceparent(traceparent.strip())) {
            return Optional.empty();
        }
        String state = tracestate == null || tracestate.isBlank() || tracestate.length() > MAX_TRACESTATE ? null
                : tracestate;
        return Optional.of(new TraceContext(traceparent.strip(), state));
    }

    public Optional<String> tracestateIfAny() {
        return Optional.ofNullable(tracestate);
    }

    /** The trace id: the 32 hex digits after the version. */
    public String traceId() {
        return traceparent.substring(3, 35);
    }

    /** The parent span id: the 16 hex digits after the trace id. */
    public String parentSpanId() {
        return traceparent.substring(36, 52);
    }

    private static boolean validTraceparent(String value) {
        if (value.length() < 55 || !TRACEPARENT.matcher(value).matches()) {
            return false;
        }
        String version = value.substring(0, 2);
        if (version.equals("ff") || (version.equals("00") && value.length() != 55)) {
            return false;
        }
        return !value.substring(3, 35).equals("0".repeat(32)) && !value.substring(36, 52).equals("0".repeat(16));
    }

    private static String shown(String value) {
        return value.length() > 80 ? value.substring(0, 77) + "..." : value;
    }
}
