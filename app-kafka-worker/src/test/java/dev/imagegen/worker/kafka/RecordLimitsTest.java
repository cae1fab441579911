package dev.imagegen.worker.kafka;

import static dev.imagegen.worker.kafka.LoopHarness.TOPICS;
import static dev.imagegen.worker.kafka.LoopHarness.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.worker.testing.TestVendor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Records over a topic's limit are written smaller, never sent to fail every transaction. */
class RecordLimitsTest {

    private static final RecordLimits LIMITS = new RecordLimits(RecordLimits.FLOOR, RecordLimits.FLOOR,
            Integer.MAX_VALUE);
    /** About 32 KB of metadata in JSON: 4000 control characters are written escaped, six bytes each. */
    private static final String BIG_METADATA = "{\"a\":\"" + "m".repeat(8000) + "\",\"b\":\""
            + "\\u0001".repeat(4000) + "\"}";

    private static boolean terminal(LoopHarness h, String id) {
        return h.events(id).stream().anyMatch(e -> Boolean.TRUE.equals(e.get("terminal")));
    }

    @Test
    void a_dead_letter_over_the_dlq_limit_becomes_a_marker_without_its_value() throws Exception {
        byte[] huge = new byte[100_000];
        Arrays.fill(huge, (byte) 'x');
        byte[] small = {'x'};
        try (LoopHarness h = new LoopHarness(1, LIMITS).start()) {
            h.send(0, "big", huge);
            h.send(0, "small", small);
            h.send(0, "limit-ok", "{\"commandId\":\"limit-ok\",\"model\":\"test-model\",\"prompt\":\"@sync\"}");
            await("a later command", () -> terminal(h, "limit-ok"));

            List<ProducerRecord<byte[], byte[]>> dlq = h.written(TOPICS.dlq());
            assertEquals(2, dlq.size());
            ProducerRecord<byte[], byte[]> marker = dlq.get(0);
            assertArrayEquals("big".getBytes(StandardCharsets.UTF_8), marker.key());
            assertEquals(0, marker.value().length);
            assertEquals("100000", header(marker, "imagegen.original.size"));
            assertEquals("cmd-0@0", header(marker, "imagegen.source"));
            String error = header(marker, "imagegen.error");
            assertTrue(error.startsWith("not JSON") && error.contains("the original value of 100000 bytes exceeded "
                    + "the DLQ topic's limit of 16384 bytes"), error);
            assertArrayEquals(small, dlq.get(1).value(), "a dead letter that fits goes unchanged");
            assertNull(dlq.get(1).headers().lastHeader("imagegen.original.size"));
        }
    }

    @Test
    void an_event_over_the_events_limit_goes_without_its_warnings_and_metadata() throws Exception {
        try (LoopHarness h = new LoopHarness(1, LIMITS).start()) {
            h.send(0, "limit-ev-1", "{\"commandId\":\"limit-ev-1\",\"model\":\"test-model\",\"prompt\":\"@sync\","
                    + "\"metadata\":" + BIG_METADATA + "}");
            h.send(0, "limit-ev-2", "{\"commandId\":\"limit-ev-2\",\"model\":\"test-model\",\"prompt\":\"@sync\","
                    + "\"metadata\":{\"tenant\":\"acme\"}}");
            await("both answered", () -> terminal(h, "limit-ev-1") && terminal(h, "limit-ev-2"));

            Map<String, Object> reduced = h.events("limit-ev-1").get(h.events("limit-ev-1").size() - 1);
            assertEquals("SUCCEEDED", reduced.get("status"));
            assertEquals(1, ((List<?>) reduced.get("images")).size());
            assertEquals(Map.of(), reduced.get("metadata"));
            String warning = (String) ((List<?>) reduced.get("warnings")).get(0);
            assertTrue(warning.startsWith("warnings and metadata were left out: the event of ")
                    && warning.endsWith(" bytes exceeded the events topic's limit of 16384 bytes"), warning);
            Map<String, Object> whole = h.events("limit-ev-2").get(h.events("limit-ev-2").size() - 1);
            assertEquals(Map.of("tenant", "acme"), whole.get("metadata"));
            assertEquals(List.of(), whole.get("warnings"));
        }
    }

    @Test
    void a_task_whose_state_is_over_the_tasks_limit_ends_failed_without_reaching_a_vendor() throws Exception {
        RecordLimits limits = new RecordLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, RecordLimits.FLOOR);
        String big = "{\"commandId\":\"limit-task-1\",\"model\":\"test-model\",\"prompt\":\"@sync\","
                + "\"metadata\":" + BIG_METADATA + "}";
        try (LoopHarness h = new LoopHarness(1, limits).start()) {
            h.send(0, "limit-task-1", big);
            h.send(0, "limit-task-1", big);
            h.send(0, "limit-task-2", "{\"commandId\":\"limit-task-2\",\"model\":\"test-model\","
                    + "\"prompt\":\"@sync\"}");
            await("both answered", () -> terminal(h, "limit-task-1") && terminal(h, "limit-task-2"));

            List<Map<String, Object>> events = h.events("limit-task-1");
            assertEquals(1, events.size(), "one answer, the duplicate ignored");
            Map<?, ?> error = (Map<?, ?>) events.get(0).get("error");
            assertEquals("INVALID_REQUEST", error.get("code"));
            String message = (String) error.get("message");
            assertTrue(message.matches("the command is too large for this worker: its task state of \\d+ bytes "
                    + "exceeds the tasks topic's limit of 16384 bytes"), message);
            assertEquals(12_000, ((Map<?, ?>) events.get(0).get("metadata")).values().stream()
                    .mapToInt(v -> ((String) v).length()).sum(), "the metadata is echoed");
            assertEquals(0, TestVendor.submitsOf("limit-task-1"));
            assertTrue(h.written(TOPICS.tasks()).stream().allMatch(r -> r.value().length < RecordLimits.FLOOR));
            assertEquals("SUCCEEDED", h.events("limit-task-2").get(h.events("limit-task-2").size() - 1)
                    .get("status"));
        }
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
