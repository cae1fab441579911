package dev.imagegen.worker.it;

import static dev.imagegen.worker.it.KafkaFixture.command;
import static dev.imagegen.worker.it.KafkaFixture.eventsOf;
import static dev.imagegen.worker.it.KafkaFixture.terminalCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.worker.Worker;
import dev.imagegen.worker.config.WorkerConfig;
import dev.imagegen.worker.testing.TestVendor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Topics that take smaller records than the worker would write, on a real broker. */
class RecordLimitsIT {

    @Test
    void records_too_large_for_the_dlq_or_the_tasks_topic_never_stall_the_loop() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture()) {
            WorkerConfig config = fixture.config(2);
            fixture.createTopic(config.topics().dlq(), 2, Map.of("max.message.bytes", "32768"));
            fixture.createTopic(config.topics().tasks(), 2, Map.of("max.message.bytes", "32768",
                    "cleanup.policy", "compact"));
            Worker worker = fixture.worker(config);
            KafkaFixture.awaitReady(worker);
            byte[] huge = new byte[100 * 1024];
            Arrays.fill(huge, (byte) '#');
            fixture.send(config.topics().commands(), "big-1", huge);
            // 6000 control characters of metadata: 36 KB of task state, written escaped
            fixture.send(config.topics().commands(), "big-task", "{\"commandId\":\"big-task\",\"model\":\"test-model\","
                    + "\"prompt\":\"@sync\",\"metadata\":{\"a\":\"" + "\\u0001".repeat(6000) + "\"}}");
            fixture.send(config.topics().commands(), "after-big", command("after-big", "@sync", ""));
            fixture.flush();

            List<ConsumerRecord<byte[], byte[]>> events = fixture.read(config.topics().events(),
                    records -> terminalCount(records, "after-big") > 0 && terminalCount(records, "big-task") > 0,
                    Duration.ofSeconds(30));
            assertEquals(1, terminalCount(events, "after-big"));
            Map<?, ?> refused = (Map<?, ?>) eventsOf(events, "big-task").get(0).get("error");
            assertEquals("INVALID_REQUEST", refused.get("code"), "a task the worker cannot remember is refused");
            assertEquals(0, TestVendor.submitsOf("big-task"));
            List<ConsumerRecord<byte[], byte[]>> dlq = fixture.read(config.topics().dlq(), r -> !r.isEmpty(),
                    Duration.ofSeconds(30));
            assertEquals(1, dlq.size());
            ConsumerRecord<byte[], byte[]> marker = dlq.get(0);
            assertEquals("big-1", new String(marker.key(), StandardCharsets.UTF_8));
            assertEquals(0, marker.value().length);
            assertEquals(Integer.toString(huge.length), header(marker, "imagegen.original.size"));
            assertTrue(header(marker, "imagegen.source").startsWith(config.topics().commands() + "-"));
            String error = header(marker, "imagegen.error");
            assertTrue(error.startsWith("not JSON") && error.contains("the original value of 102400 bytes exceeded "
                    + "the DLQ topic's limit of 32768 bytes"), error);

            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + worker.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("imagegen_transactions_failed_total 0.0"), "no reset:\n" + metrics);
            assertTrue(metrics.contains("imagegen_dlq_records_total 1.0"), metrics);
            assertTrue(worker.ready());
            worker.stop();
            assertTrue(worker.await(Duration.ofSeconds(30)));
        }
    }

    @Test
    void a_worker_does_not_start_on_an_events_topic_too_small_for_its_events() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture()) {
            WorkerConfig config = fixture.config(1);
            fixture.createTopic(config.topics().events(), 1, Map.of("max.message.bytes", "8192"));
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> fixture.worker(config));
            assertEquals("topic '" + config.topics().events() + "' takes records of at most 8192 bytes (its "
                    + "max.message.bytes, or the producer's max.request.size); the worker needs at least 16384",
                    refused.getMessage());
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
