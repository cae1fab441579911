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

/** A worker killed mid-flight (no drain, no goodbye to the group): the survivor finishes its tasks by polling. */
class CrashIT {

    @Test
    void a_killed_workers_tasks_are_finished_by_the_survivor_without_resubmitting() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture(Map.of("group.min.session.timeout.ms", "500"))) {
            WorkerConfig config = fixture.config(4).withClientOverrides(Map.of("consumer.session.timeout.ms", 3000,
                    "consumer.heartbeat.interval.ms", 500));
            Worker doomed = fixture.worker(config);
            KafkaFixture.awaitReady(doomed);
            Worker survivor = fixture.worker(config);
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(survivor.ready() && doomed.partitionsOwned() > 0 && survivor.partitionsOwned() > 0
                    && doomed.partitionsOwned() + survivor.partitionsOwned() == 4) && System.nanoTime() < end) {
                Thread.sleep(50);
            }

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = "crash-" + i;
                ids.add(id);
                fixture.send(config.topics().commands(), id, command(id, "long work @ms=5000", ""));
            }
            fixture.flush();
            fixture.read(config.topics().events(), records -> ids.stream().allMatch(id -> eventsOf(records, id)
                    .stream().anyMatch(e -> "SUBMITTED".equals(e.get("status")))), Duration.ofSeconds(30));
            assertTrue(doomed.partitionsOwned() > 0, "the doomed worker owns partitions");

            doomed.crash();

            List<ConsumerRecord<byte[], byte[]>> events = fixture.read(config.topics().events(),
                    records -> ids.stream().allMatch(id -> terminalCount(records, id) > 0), Duration.ofSeconds(90));
            for (String id : ids) {
                assertEquals(1, terminalCount(events, id), id + " has exactly one terminal event");
                List<Map<String, Object>> mine = eventsOf(events, id);
                assertEquals("SUCCEEDED", mine.get(mine.size() - 1).get("status"), id);
                assertEquals(1, TestVendor.submitsOf(id), id + " reached the vendor exactly once");
            }
            assertEquals(4, survivor.partitionsOwned());
            survivor.stop();
            assertTrue(survivor.await(Duration.ofSeconds(30)));
        }
    }
}
