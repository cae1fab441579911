package dev.imagegen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** W3C traceparent and tracestate values: which are carried and which are not. */
class TraceContextTest {

    static final String VALID = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void a_w3c_traceparent_is_carried_with_its_tracestate() {
        TraceContext trace = TraceContext.fromHeaders(VALID, "congo=t61rcWkgMzE").orElseThrow();
        assertEquals(VALID, trace.traceparent());
        assertEquals("congo=t61rcWkgMzE", trace.tracestate());
        assertEquals("0af7651916cd43dd8448eb211c80319c", trace.traceId());
        assertEquals("b7ad6b7169203331", trace.parentSpanId());
    }

    @Test
    void what_is_not_a_traceparent_is_no_trace_context() {
        for (String bad : new String[] {null, "", "garbage", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331",
                "00-00000000000000000000000000000000-b7ad6b7169203331-01",
                "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
                "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01", VALID + "-extra"}) {
            assertEquals(Optional.empty(), TraceContext.fromHeaders(bad, "a=b"), String.valueOf(bad));
        }
        assertTrue(TraceContext.fromHeaders("01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-later", null)
                .isPresent(), "a later version may add fields");
    }

    @Test
    void a_blank_or_oversized_tracestate_is_dropped_and_the_record_names_the_rule() {
        assertNull(TraceContext.fromHeaders(VALID, " ").orElseThrow().tracestate());
        assertNull(TraceContext.fromHeaders(VALID, "a=" + "x".repeat(600)).orElseThrow().tracestate());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TraceContext("nope", null));
        assertTrue(e.getMessage().contains("traceparent must be a W3C traceparent"), e.getMessage());
    }
}
