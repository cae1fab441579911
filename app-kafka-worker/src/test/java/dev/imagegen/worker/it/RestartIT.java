package dev.imagegen.worker.it;

import static dev.imagegen.worker.it.KafkaFixture.command;
import static dev.imagegen.worker.it.KafkaFixture.eventsOf;
import static dev.imagegen.worker.it.KafkaFixture.terminalCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.worker.Worker;
import dev.imagegen.worker.config.WorkerConfig;
import dev.imagegen.worker.testing.TestVendor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Two workers share the partitions; one stops mid-flight and the other finishes its tasks without resubmitting. */
class RestartIT {

    @Test
    void a_stopped_workers_tasks_are_resumed_by_the_other_and_never_resubmitted() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture()) {
            WorkerConfig config = fixture.config(4);
            Worker first = fixture.worker(config);
            KafkaFixture.awaitReady(first);
            Worker second = fixture.worker(config);
            awaitOwned(first, second);

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = "restart-" + i;
                ids.add(id);
                fixture.send(config.topics().commands(), id, command(id, "long work @ms=6000", ""), trace(i));
            }
            fixture.flush();
            fixture.read(config.topics().events(), records -> ids.stream().allMatch(id -> eventsOf(records, id)
                    .stream().anyMatch(e -> "SUBMITTED".equals(e.get("status")))), Duration.ofSeconds(30));
            int firstOwned = first.partitionsOwned();
            assertTrue(firstOwned > 0 && second.partitionsOwned() > 0, "both workers own partitions");

            first.stop();
            assertTrue(first.await(Duration.ofSeconds(30)), "the first worker drains and exits cleanly");

            List<ConsumerRecord<byte[], byte[]>> events = fixture.read(config.topics().events(),
                    records -> ids.stream().allMatch(id -> terminalCount(records, id) > 0), Duration.ofSeconds(60));
            for (String id : ids) {
                assertEquals(1, terminalCount(events, id), id + " has exactly one terminal event");
                List<Map<String, Object>> mine = eventsOf(events, id);
                assertEquals("SUCCEEDED", mine.get(mine.size() - 1).get("status"), id);
                assertEquals(1, TestVendor.submitsOf(id), id + " reached the vendor exactly once");
                int index = ids.indexOf(id);
                for (ConsumerRecord<byte[], byte[]> event : events) {
                    if (id.equals(KafkaFixture.json(event).get("commandId"))) {
                        assertEquals(trace(index), KafkaFixture.headers(event), id + ": the command's trace "
                                + "headers on every event, before and after the takeover");
                    }
                }
            }
            assertEquals(4, second.partitionsOwned());
            second.stop();
            assertTrue(second.await(Duration.ofSeconds(30)));
        }
    }

    /** Command i's headers: a traceparent of its own, a tracestate on the even ones, none on every third. */
    private static Map<String, String> trace(int i) {
        if (i % 3 == 2) {
            return Map.of();
        }
        String traceparent = String.format("00-%032x-%016x-01", 0xabc000L + i, 0x51L + i);
        return i % 2 == 0 ? Map.of("traceparent", traceparent, "tracestate", "tenant=t" + i)
                : Map.of("traceparent", traceparent);
    }

    private static void awaitOwned(Worker a, Worker b) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(a.ready() && b.ready() && a.partitionsOwned() + b.partitionsOwned() == 4
                && a.partitionsOwned() > 0 && b.partitionsOwned() > 0)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("partitions were not shared: " + a.partitionsOwned() + " and "
                        + b.partitionsOwned());
            }
            Thread.sleep(50);
        }
    }
}
