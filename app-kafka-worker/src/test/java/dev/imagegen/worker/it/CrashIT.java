package dev.imagegen.worker.it;

import static dev.imagegen.worker.it.KafkaFixture.await;
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

/** A worker killed mid-flight (no drain, no goodbye to the group): the next owner of its partitions finishes. */
class CrashIT {

    @Test
    void a_killed_workers_tasks_are_finished_by_the_survivor_without_resubmitting() throws Exception {
        try (KafkaFixture fixture = fixture()) {
            WorkerConfig config = config(fixture, "fail");
            Worker doomed = fixture.worker(config);
            KafkaFixture.awaitReady(doomed);
            Worker survivor = fixture.worker(config);
            await("both workers share the partitions", () -> survivor.ready() && doomed.partitionsOwned() > 0
                    && survivor.partitionsOwned() > 0 && doomed.partitionsOwned() + survivor.partitionsOwned() == 4,
                    Duration.ofSeconds(60));

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
                assertEquals("SUCCEEDED", onlyTerminal(events, id).get("status"), id);
                assertEquals(1, TestVendor.submitsOf(id), id + " reached the vendor exactly once");
            }
            assertEquals(4, survivor.partitionsOwned());
            survivor.stop();
            assertTrue(survivor.await(Duration.ofSeconds(30)));
        }
    }

    @Test
    void a_submit_in_doubt_of_a_killed_worker_fails_with_outcome_unknown_by_default() throws Exception {
        try (KafkaFixture fixture = fixture()) {
            List<String> ids = List.of("doubt-fail-0", "doubt-fail-1", "doubt-fail-2");
            List<ConsumerRecord<byte[], byte[]>> events = crashWhileSubmitting(fixture, config(fixture, "fail"), ids);
            for (String id : ids) {
                Map<String, Object> last = onlyTerminal(events, id);
                assertEquals("FAILED", last.get("status"), id);
                assertEquals("OUTCOME_UNKNOWN", ((Map<?, ?>) last.get("error")).get("code"), id);
                assertEquals(1, TestVendor.submitsOf(id), id + " was not sent again");
            }
        }
    }

    @Test
    void a_submit_in_doubt_of_a_killed_worker_is_sent_again_once_under_the_resubmit_policy() throws Exception {
        try (KafkaFixture fixture = fixture()) {
            List<String> ids = List.of("doubt-resubmit-0", "doubt-resubmit-1", "doubt-resubmit-2");
            List<ConsumerRecord<byte[], byte[]>> events = crashWhileSubmitting(fixture, config(fixture, "resubmit"),
                    ids);
            for (String id : ids) {
                assertEquals("SUCCEEDED", onlyTerminal(events, id).get("status"), id);
                assertEquals(2, TestVendor.submitsOf(id), id + ": the lost submit and exactly one more");
            }
        }
    }

    private static KafkaFixture fixture() {
        return new KafkaFixture(Map.of("group.min.session.timeout.ms", "500"));
    }

    /** Workers whose partitions move 3 s after a crash. */
    private static WorkerConfig config(KafkaFixture fixture, String unknownOutcomePolicy) {
        return fixture.config(4, Map.of("IMAGEGEN_UNKNOWN_OUTCOME_POLICY", unknownOutcomePolicy))
                .withClientOverrides(Map.of("consumer.session.timeout.ms", 3000,
                        "consumer.heartbeat.interval.ms", 500));
    }

    /**
     * Kills a worker while the vendor holds the first submit of each command unanswered (its intent is written, no
     * vendor task id is), then lets a new worker take the partitions over; returns the events once every command
     * has a terminal one.
     */
    private static List<ConsumerRecord<byte[], byte[]>> crashWhileSubmitting(KafkaFixture fixture, WorkerConfig config,
                                                                            List<String> ids) throws Exception {
        Worker doomed = fixture.worker(config);
        KafkaFixture.awaitReady(doomed);
        for (String id : ids) {
            fixture.send(config.topics().commands(), id, command(id, "@hangonce", ""));
        }
        fixture.flush();
        await("the vendor got every first submit", () -> ids.stream().allMatch(id -> TestVendor.submitsOf(id) == 1),
                Duration.ofSeconds(30));

        doomed.crash();

        Worker next = fixture.worker(config);
        List<ConsumerRecord<byte[], byte[]>> events = fixture.read(config.topics().events(),
                records -> ids.stream().allMatch(id -> terminalCount(records, id) > 0), Duration.ofSeconds(90));
        next.stop();
        assertTrue(next.await(Duration.ofSeconds(30)), "the next owner drains cleanly");
        return events;
    }

    /** The command's last event, checked to be its one terminal event. */
    private static Map<String, Object> onlyTerminal(List<ConsumerRecord<byte[], byte[]>> events, String id) {
        assertEquals(1, terminalCount(events, id), id + " has exactly one terminal event");
        List<Map<String, Object>> mine = eventsOf(events, id);
        return mine.get(mine.size() - 1);
    }
}
