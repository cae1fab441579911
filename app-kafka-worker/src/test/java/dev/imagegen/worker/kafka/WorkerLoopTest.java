package dev.imagegen.worker.kafka;

import static dev.imagegen.worker.kafka.LoopHarness.TOPICS;
import static dev.imagegen.worker.kafka.LoopHarness.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.task.Task;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.worker.codec.StoredTask;
import dev.imagegen.worker.testing.TestVendor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class WorkerLoopTest {

    private static String command(String id, String prompt) {
        return "{\"commandId\":\"" + id + "\",\"model\":\"test-model\",\"prompt\":\"" + prompt
                + "\",\"metadata\":{\"tenant\":\"acme\"}}";
    }

    private static boolean terminal(LoopHarness h, String id) {
        return h.events(id).stream().anyMatch(e -> Boolean.TRUE.equals(e.get("terminal")));
    }

    @Test
    void a_command_is_answered_with_events_task_state_and_committed_offsets() throws Exception {
        try (LoopHarness h = new LoopHarness(2).start()) {
            h.send(1, "loop-1", command("loop-1", "a cat @ms=600"));
            await("terminal event", () -> terminal(h, "loop-1"));
            await("offset committed", () -> h.producer.consumerGroupOffsetsHistory().stream()
                    .anyMatch(m -> m.values().stream().anyMatch(o -> o.containsValue(new OffsetAndMetadata(1)))));

            assertEquals(List.of("ACCEPTED", "SUBMITTED", "RUNNING", "SUCCEEDED"), h.statuses("loop-1"));
            Map<String, Object> last = h.events("loop-1").get(3);
            assertEquals(Map.of("tenant", "acme"), last.get("metadata"));
            assertEquals("alpha", last.get("provider"));
            List<ProducerRecord<byte[], byte[]>> states = h.written(TOPICS.tasks());
            assertTrue(states.stream().allMatch(r -> r.partition() == 1), "co-partitioned with the command");
            assertInstanceOf(StoredTask.Finished.class, h.tasks.read(states.get(states.size() - 1).value()));
            assertTrue(states.stream().map(r -> h.tasks.read(r.value()))
                    .anyMatch(s -> s instanceof StoredTask.InFlight f && f.task().submitInDoubt()),
                    "the submit intent was written");
            assertEquals(1, TestVendor.submitsOf("loop-1"));
        }
    }

    @Test
    void a_duplicate_command_is_ignored() throws Exception {
        try (LoopHarness h = new LoopHarness(1).start()) {
            h.send(0, "loop-dup-1", command("loop-dup-1", "a dog @ms=200"));
            h.send(0, "loop-dup-1", command("loop-dup-1", "a dog @ms=200"));
            await("terminal event", () -> terminal(h, "loop-dup-1"));
            h.send(0, "loop-dup-1", command("loop-dup-1", "a dog again @ms=200"));
            h.send(0, "loop-other", command("loop-other", "@sync"));
            await("a later command", () -> terminal(h, "loop-other"));

            assertEquals(1, TestVendor.submitsOf("loop-dup-1"));
            assertEquals(1, h.events("loop-dup-1").stream().filter(e -> Boolean.TRUE.equals(e.get("terminal"))).count());
        }
    }

    @Test
    void an_invalid_command_gets_one_failed_event_and_never_reaches_a_vendor() throws Exception {
        try (LoopHarness h = new LoopHarness(1).start()) {
            h.send(0, "loop-bad-1", "{\"commandId\":\"loop-bad-1\",\"model\":\"test-model\",\"prompt\":\"x\",\"n\":\"two\"}");
            h.send(0, "loop-bad-1", "{\"commandId\":\"loop-bad-1\",\"model\":\"test-model\",\"prompt\":\"x\"}");
            h.send(0, "loop-ok", command("loop-ok", "@sync"));
            await("terminal event", () -> terminal(h, "loop-ok"));

            List<Map<String, Object>> events = h.events("loop-bad-1");
            assertEquals(1, events.size());
            @SuppressWarnings("unchecked")
            Map<String, Object> error = (Map<String, Object>) events.get(0).get("error");
            assertEquals("INVALID_REQUEST", error.get("code"));
            assertEquals(0, TestVendor.submitsOf("loop-bad-1"));
        }
    }

    @Test
    void a_model_nobody_serves_fails_with_unsupported_model_from_the_engine() throws Exception {
        try (LoopHarness h = new LoopHarness(1).start()) {
            h.send(0, "loop-um-1", "{\"commandId\":\"loop-um-1\",\"model\":\"dall-e-9\",\"prompt\":\"x\"}");
            await("terminal event", () -> terminal(h, "loop-um-1"));
            @SuppressWarnings("unchecked")
            Map<String, Object> error = (Map<String, Object>) h.events("loop-um-1").get(0).get("error");
            assertEquals("UNSUPPORTED_MODEL", error.get("code"));
        }
    }

    @Test
    void unreadable_records_go_to_the_dlq_unchanged_with_error_headers() throws Exception {
        byte[] garbage = {(byte) 0xff, 0, 1, 2};
        try (LoopHarness h = new LoopHarness(1).start()) {
            h.send(0, "k", garbage);
            h.send(0, null, "{\"prompt\":\"no id\"}".getBytes(StandardCharsets.UTF_8));
            h.send(0, "loop-ok", command("loop-ok-dlq", "@sync"));
            await("terminal event", () -> terminal(h, "loop-ok-dlq"));

            List<ProducerRecord<byte[], byte[]>> dlq = h.written(TOPICS.dlq());
            assertEquals(2, dlq.size());
            assertArrayEquals(garbage, dlq.get(0).value());
            assertArrayEquals("k".getBytes(StandardCharsets.UTF_8), dlq.get(0).key());
            assertEquals("cmd-0@0", header(dlq.get(0), "imagegen.source"));
            assertTrue(header(dlq.get(0), "imagegen.error").startsWith("not JSON"));
            assertEquals("no commandId", header(dlq.get(1), "imagegen.error"));
            assertEquals("cmd-0@1", header(dlq.get(1), "imagegen.source"));
        }
    }

    @Test
    void restored_tasks_are_polled_never_resubmitted_and_finished_ids_stay_known() throws Exception {
        try (LoopHarness h = new LoopHarness(1)) {
            h.store(0, "loop-resumed-1", h.tasks.write(submittedTask("loop-resumed-1")));
            h.store(0, "loop-done-1", h.tasks.write(submittedTask("loop-done-1")));
            h.store(0, "loop-done-1", h.tasks.finished("loop-done-1", "SUCCEEDED", Instant.now()));
            h.store(0, "loop-forgotten-1", h.tasks.finished("loop-forgotten-1", "SUCCEEDED", Instant.now()));
            h.store(0, "loop-forgotten-1", null);
            h.start();
            h.send(0, "loop-done-1", command("loop-done-1", "@sync"));
            h.send(0, "loop-resumed-1", command("loop-resumed-1", "@sync"));
            await("the resumed task ends", () -> terminal(h, "loop-resumed-1"));
            h.send(0, "loop-forgotten-1", command("loop-forgotten-1", "@sync"));
            h.send(0, "loop-after", command("loop-after", "@sync"));
            await("a later command", () -> terminal(h, "loop-after"));

            assertEquals(0, TestVendor.submitsOf("loop-resumed-1"));
            assertEquals(0, TestVendor.submitsOf("loop-done-1"));
            assertEquals(List.of("FAILED"), h.statuses("loop-resumed-1"), "the vendor does not know the task");
            assertEquals(List.of(), h.events("loop-done-1"), "its last record says finished: not resumed, known");
            assertEquals(1, TestVendor.submitsOf("loop-forgotten-1"), "a tombstone forgets the commandId");
        }
    }

    private static String cancel(String id, String reason) {
        return "{\"type\":\"imagegen.cancel.v1\",\"commandId\":\"" + id + "\",\"reason\":\"" + reason + "\"}";
    }

    @Test
    void a_cancel_ends_a_running_task_cancelled_and_says_the_vendor_could_not_cancel() throws Exception {
        try (LoopHarness h = new LoopHarness(1).start()) {
            h.send(0, "loop-cx-1", command("loop-cx-1", "a cat @forever"));
            await("the vendor has it", () -> h.statuses("loop-cx-1").contains("SUBMITTED"));
            h.send(0, "loop-cx-1", cancel("loop-cx-1", "user closed the page"));
            await("terminal event", () -> terminal(h, "loop-cx-1"));

            Map<String, Object> last = h.events("loop-cx-1").get(h.events("loop-cx-1").size() - 1);
            assertEquals("CANCELLED", last.get("status"));
            assertEquals("NOT_SUPPORTED", last.get("vendorCancellation"));
            assertEquals(List.of("user closed the page"), last.get("warnings"));
            await("both offsets committed", () -> h.producer.consumerGroupOffsetsHistory().stream()
                    .anyMatch(m -> m.values().stream().anyMatch(o -> o.containsValue(new OffsetAndMetadata(2)))));
        }
    }

    @Test
    void a_cancel_before_its_command_ends_the_command_cancelled_without_a_vendor_call() throws Exception {
        try (LoopHarness h = new LoopHarness(1).start()) {
            h.send(0, "loop-cx-2", cancel("loop-cx-2", "changed my mind"));
            h.send(0, "loop-cx-2", command("loop-cx-2", "@sync"));
            await("terminal event", () -> terminal(h, "loop-cx-2"));
            h.send(0, "loop-cx-2", command("loop-cx-2", "@sync"));
            h.send(0, "loop-after-cx", command("loop-after-cx", "@sync"));
            await("a later command", () -> terminal(h, "loop-after-cx"));

            assertEquals(List.of("CANCELLED"), h.statuses("loop-cx-2"));
            Map<String, Object> event = h.events("loop-cx-2").get(0);
            assertEquals(List.of("changed my mind"), event.get("warnings"));
            assertEquals(Map.of("tenant", "acme"), event.get("metadata"));
            assertFalse(event.containsKey("vendorCancellation"), "no vendor task existed");
            assertEquals(0, TestVendor.submitsOf("loop-cx-2"));
        }
    }

    @Test
    void a_cancel_of_a_finished_task_does_nothing() throws Exception {
        try (LoopHarness h = new LoopHarness(1).start()) {
            h.send(0, "loop-cx-3", command("loop-cx-3", "@sync"));
            await("terminal event", () -> terminal(h, "loop-cx-3"));
            h.send(0, "loop-cx-3", cancel("loop-cx-3", "too late"));
            h.send(0, "loop-after-cx3", command("loop-after-cx3", "@sync"));
            await("a later command", () -> terminal(h, "loop-after-cx3"));

            assertEquals(List.of("ACCEPTED", "SUCCEEDED"), h.statuses("loop-cx-3"));
        }
    }

    @Test
    void a_remembered_cancel_survives_a_takeover() throws Exception {
        try (LoopHarness h = new LoopHarness(1)) {
            h.store(0, "loop-cx-4", h.tasks.cancelRequested("loop-cx-4", "before the restart"));
            h.start();
            h.send(0, "loop-cx-4", command("loop-cx-4", "@sync"));
            await("terminal event", () -> terminal(h, "loop-cx-4"));

            assertEquals(List.of("CANCELLED"), h.statuses("loop-cx-4"));
            assertEquals(0, TestVendor.submitsOf("loop-cx-4"));
        }
    }

    @Test
    void a_commandid_is_remembered_for_the_retention_and_forgotten_after_it() throws Exception {
        try (LoopHarness h = new LoopHarness(1, RecordLimits.NONE, Duration.ofMinutes(10)).start()) {
            h.send(0, "loop-rt-1", command("loop-rt-1", "@sync"));
            await("terminal event", () -> terminal(h, "loop-rt-1"));
            h.clock.advance(Duration.ofMinutes(9));
            h.send(0, "loop-rt-1", command("loop-rt-1", "@sync"));
            h.send(0, "loop-rt-mark", command("loop-rt-mark", "@sync"));
            await("a later command", () -> terminal(h, "loop-rt-mark"));
            assertEquals(1, TestVendor.submitsOf("loop-rt-1"), "within the retention: a duplicate");
            await("both ids remembered", () -> h.loop.rememberedIds() == 2);

            h.clock.advance(Duration.ofMinutes(3));
            h.send(0, "loop-rt-nudge", command("loop-rt-nudge", "@sync"));
            await("a retention pass ran", () -> terminal(h, "loop-rt-nudge"));
            await("only the new id remembered", () -> h.loop.rememberedIds() == 1 && h.loop.rememberedBytes() > 0);
            h.send(0, "loop-rt-1", command("loop-rt-1", "@sync"));
            await("the forgotten id ran again", () -> TestVendor.submitsOf("loop-rt-1") == 2);
        }
    }

    @Test
    void a_task_in_flight_longer_than_half_the_retention_has_its_state_written_again() throws Exception {
        try (LoopHarness h = new LoopHarness(1, RecordLimits.NONE, Duration.ofMinutes(10)).start()) {
            h.send(0, "loop-rt-2", command("loop-rt-2", "a cat @forever"));
            await("the vendor has it", () -> h.statuses("loop-rt-2").contains("SUBMITTED"));
            long before = h.written(TOPICS.tasks()).stream()
                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("loop-rt-2")).count();
            h.clock.advance(Duration.ofMinutes(6));
            h.send(0, "loop-rt-nudge2", command("loop-rt-nudge2", "@sync"));

            await("its state written again", () -> h.written(TOPICS.tasks()).stream()
                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("loop-rt-2")).count() > before);
            List<ProducerRecord<byte[], byte[]>> states = h.written(TOPICS.tasks());
            ProducerRecord<byte[], byte[]> last = states.stream()
                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("loop-rt-2"))
                    .reduce((a, b) -> b).orElseThrow();
            assertInstanceOf(StoredTask.InFlight.class, h.tasks.read(last.value()));
        }
    }

    /** A task the vendor accepted (as far as the tasks topic says); the test vendor does not know its task id. */
    private static Task submittedTask(String id) {
        Instant t0 = Instant.now();
        return Task.accept(GenerationRequest.builder().id(id).model("test-model").prompt("restored @ms=0").build(), t0)
                .submitting(ProviderId.of("alpha"), t0)
                .submitted(new ProviderTaskRef(ProviderId.of("alpha"), ModelId.of("test-model"), "unknown-task"), t0);
    }

    @Test
    void a_submit_in_doubt_is_failed_with_outcome_unknown_by_default() throws Exception {
        Instant t0 = Instant.now();
        Task intent = Task.accept(GenerationRequest.builder().id("loop-doubt-1").model("test-model").prompt("x").build(),
                t0).submitting(ProviderId.of("alpha"), t0);
        try (LoopHarness h = new LoopHarness(1)) {
            h.store(0, "loop-doubt-1", h.tasks.write(intent));
            h.start();
            await("the task ends", () -> terminal(h, "loop-doubt-1"));
            @SuppressWarnings("unchecked")
            Map<String, Object> error = (Map<String, Object>) h.events("loop-doubt-1").get(0).get("error");
            assertEquals("OUTCOME_UNKNOWN", error.get("code"));
            assertEquals(0, TestVendor.submitsOf("loop-doubt-1"));
        }
    }

    @Test
    void fallback_goes_to_the_next_provider_before_acceptance() throws Exception {
        try (LoopHarness h = new LoopHarness(1).start()) {
            h.send(0, "loop-fb-1", command("loop-fb-1", "@alpha:reject=INSUFFICIENT_BALANCE @sync"));
            await("terminal event", () -> terminal(h, "loop-fb-1"));
            Map<String, Object> last = h.events("loop-fb-1").get(h.events("loop-fb-1").size() - 1);
            assertEquals("SUCCEEDED", last.get("status"));
            assertEquals("beta", last.get("provider"));
            assertEquals(List.of(Map.of("provider", "alpha", "outcome", "INSUFFICIENT_BALANCE"),
                    Map.of("provider", "beta", "outcome", "ACCEPTED")), last.get("attempts"));
        }
    }

    @Test
    void a_key_in_a_vendor_message_never_reaches_an_event() throws Exception {
        try (LoopHarness h = new LoopHarness(1).start()) {
            h.send(0, "loop-leak-1", "{\"commandId\":\"loop-leak-1\",\"provider\":\"alpha\",\"model\":\"test-model\","
                    + "\"prompt\":\"@leak\"}");
            await("terminal event", () -> terminal(h, "loop-leak-1"));
            for (ProducerRecord<byte[], byte[]> r : h.producer.history()) {
                assertFalse(new String(r.value(), StandardCharsets.UTF_8).contains("alpha-secret-key"));
            }
        }
    }

    @Test
    void a_failed_transaction_resets_in_place_keeps_the_partition_and_rewinds_to_the_committed_offset()
            throws Exception {
        try (LoopHarness h = new LoopHarness(1)) {
            h.start();
            h.send(0, "loop-inplace-0", command("loop-inplace-0", "@sync"));
            h.send(0, "loop-inplace-1", command("loop-inplace-1", "@sync"));
            await("the first commands end", () -> terminal(h, "loop-inplace-1"));
            // what Kafka has committed for the group (MockProducer's transactions do not reach MockConsumer)
            h.consumer.commitSync(Map.of(tp(0), new OffsetAndMetadata(1)));
            h.failNextCommit.set(new org.apache.kafka.common.KafkaException("broker trouble"));
            h.send(0, "loop-inplace-2", command("loop-inplace-2", "@ms=50"));
            await("the failed transaction is aborted", () -> h.aborts.get() == 1);
            await("the partition is rewound to its committed offset", () -> h.consumer.position(tp(0)) == 1);

            assertEquals(1, h.loop.partitionsOwned(), "the partition stayed here: no rebalance was needed");
            assertEquals(java.util.Set.of(TOPICS.commands()), h.consumer.subscription());
            assertEquals(0, TestVendor.submitsOf("loop-inplace-2"), "the lost intent never reached the vendor");
            // the rewound partition is read again from offset 1 (MockConsumer forgets records once polled)
            h.consumer.schedulePollTask(() -> h.consumer.addRecord(new org.apache.kafka.clients.consumer
                    .ConsumerRecord<>(TOPICS.commands(), 0, 2L, "loop-inplace-2".getBytes(StandardCharsets.UTF_8),
                    command("loop-inplace-2", "@ms=50").getBytes(StandardCharsets.UTF_8))));
            await("terminal event", () -> terminal(h, "loop-inplace-2"));
            List<Object> statuses = h.statuses("loop-inplace-2");
            assertEquals("ACCEPTED", statuses.get(0));
            assertEquals(1, statuses.stream().filter(s -> s.equals("SUCCEEDED")).count());
            assertEquals(1, TestVendor.submitsOf("loop-inplace-2"));
            assertTrue(h.loop.ready());
        }
    }

    @Test
    void a_reset_in_place_restores_the_tasks_in_flight_from_the_tasks_topic() throws Exception {
        try (LoopHarness h = new LoopHarness(1)) {
            h.start();
            h.send(0, "loop-restore-1", command("loop-restore-1", "@ms=1500"));
            await("the task is submitted", () -> h.statuses("loop-restore-1").contains("SUBMITTED"));
            // the tasks topic as Kafka holds it now: the restorer reads it on the reset
            h.written(TOPICS.tasks()).forEach(r -> h.store(0, new String(r.key(), StandardCharsets.UTF_8), r.value()));
            h.failNextCommit.set(new org.apache.kafka.common.KafkaException("broker trouble"));
            h.send(0, "loop-restore-2", command("loop-restore-2", "@sync"));
            await("the failed transaction is aborted", () -> h.aborts.get() == 1);
            await("terminal event", () -> terminal(h, "loop-restore-1"));

            assertEquals(1, TestVendor.submitsOf("loop-restore-1"), "restored, polled, never resubmitted");
            assertEquals(1, h.statuses("loop-restore-1").stream().filter(s -> s.equals("SUCCEEDED")).count());
            assertEquals(1, h.loop.partitionsOwned());
        }
    }

    @Test
    void a_second_failure_within_ten_minutes_leaves_the_group_and_loses_nothing() throws Exception {
        try (LoopHarness h = new LoopHarness(1)) {
            h.start();
            await("the first offsets are committed", () -> h.producer.commitCount() > 0);
            h.failNextCommit.set(new org.apache.kafka.common.KafkaException("broker trouble"));
            h.send(0, "loop-reset-0", command("loop-reset-0", "@ms=50"));
            await("the first failure is reset in place", () -> h.aborts.get() == 1);
            await("the partition is owned again", () -> h.loop.partitionsOwned() == 1);
            h.failNextCommit.set(new org.apache.kafka.common.KafkaException("broker trouble again"));
            h.send(0, "loop-reset-1", command("loop-reset-1", "@ms=50"));
            await("the worker let its partitions go", () -> h.loop.partitionsOwned() == 0);
            h.consumer.schedulePollTask(() -> {
                h.consumer.rebalance(List.of(tp(0)));
                h.consumer.updateBeginningOffsets(Map.of(tp(0), 0L));
                h.consumer.addRecord(new org.apache.kafka.clients.consumer.ConsumerRecord<>(TOPICS.commands(), 0, 0L,
                        "loop-reset-1".getBytes(StandardCharsets.UTF_8),
                        command("loop-reset-1", "@ms=50").getBytes(StandardCharsets.UTF_8)));
            });
            await("terminal event", () -> terminal(h, "loop-reset-1"));

            List<Object> statuses = h.statuses("loop-reset-1");
            assertEquals("ACCEPTED", statuses.get(0));
            assertEquals("SUCCEEDED", statuses.get(statuses.size() - 1));
            assertEquals(1, statuses.stream().filter(s -> s.equals("SUCCEEDED")).count());
            assertEquals(1, TestVendor.submitsOf("loop-reset-1"), "the vendor was never called for the lost intent");
        }
    }

    @Test
    void a_handover_waits_for_submits_in_flight_then_leaves_them_in_doubt_for_the_next_owner() throws Exception {
        try (LoopHarness h = new LoopHarness(1).start()) {
            h.send(0, "loop-hang-1", command("loop-hang-1", "@hang"));
            await("the submit is in flight", () -> TestVendor.submitsOf("loop-hang-1") == 1);
            long started = System.nanoTime();
            h.consumer.schedulePollTask(() -> h.consumer.rebalance(List.of()));
            await("the partition is given up", () -> h.loop.partitionsOwned() == 0);

            assertTrue(System.nanoTime() - started >= Duration.ofMillis(1500).toNanos(),
                    "the handover waited for the vendor's answer");
            List<ProducerRecord<byte[], byte[]>> states = h.written(TOPICS.tasks());
            StoredTask last = h.tasks.read(states.get(states.size() - 1).value());
            assertTrue(last instanceof StoredTask.InFlight f && f.task().submitInDoubt(),
                    "the next owner sees the submit in doubt");
            assertFalse(terminal(h, "loop-hang-1"));
        }
    }

    @Test
    void stopping_drains_and_closes_the_clients() throws Exception {
        LoopHarness h = new LoopHarness(1).start();
        h.send(0, "loop-drain-1", command("loop-drain-1", "@sync"));
        await("terminal event", () -> terminal(h, "loop-drain-1"));
        h.loop.stop();
        assertTrue(h.loop.await(Duration.ofSeconds(10)));
        assertTrue(h.consumer.closed());
        assertTrue(h.producer.closed());
        h.close();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static TopicPartition tp(int p) {
        return new TopicPartition(TOPICS.commands(), p);
    }
}
