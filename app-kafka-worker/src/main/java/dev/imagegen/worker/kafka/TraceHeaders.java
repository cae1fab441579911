package dev.imagegen.worker.kafka;

import dev.imagegen.core.TraceContext;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A command's W3C Trace Context Kafka headers (CONTRACT §5.3): read from the command, written unchanged onto every
 * event of that command, the command's own values rather than a span of the worker's (the contract says they are
 * carried onto the events; the worker's spans are children of that trace, and a consumer of the events joins the
 * same trace). Stateless.
 */
final class TraceHeaders {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    private static final Header[] NONE = new Header[0];

    private TraceHeaders() {
    }

    /** The record's trace context, or null when it has no valid {@code traceparent} (then it has none). */
    static TraceContext read(Headers headers) {
        return TraceContext.fromHeaders(text(headers.lastHeader(TRACEPARENT)), text(headers.lastHeader(TRACESTATE)))
                .orElse(null);
    }

    /** The headers that carry {@code trace} (none for null). */
    static Header[] of(TraceContext trace) {
        if (trace == null) {
            return NONE;
        }
        if (trace.tracestate() == null) {
            return new Header[] {header(TRACEPARENT, trace.traceparent())};
        }
        return new Header[] {header(TRACEPARENT, trace.traceparent()), header(TRACESTATE, trace.tracestate())};
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
