package dev.imagegen.worker.it;

import static dev.imagegen.worker.it.KafkaFixture.command;
import static dev.imagegen.worker.it.KafkaFixture.terminalCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.worker.Worker;
import dev.imagegen.worker.config.WorkerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A few thousand bad records never stop or stall the loop: each ends as a FAILED event or a DLQ record. */
class GarbageFloodIT {

    @Test
    void every_bad_record_ends_as_a_failed_event_or_a_dlq_record() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture()) {
            WorkerConfig config = fixture.config(3);
            Worker worker = fixture.worker(config);
            KafkaFixture.awaitReady(worker);
            String topic = config.topics().commands();
            Random random = new Random(11);
            int dlq = 0;
            Set<String> answered = new HashSet<>();
            for (int i = 0; i < 3000; i++) {
                String id = "flood-" + i;
                switch (i % 10) {
                    case 0 -> {
                        byte[] bytes = new byte[random.nextInt(200)];
                        random.nextBytes(bytes);
                        bytes = bytes.length > 0 && bytes[0] == '{' ? new byte[] {'x'} : bytes;
                        fixture.send(topic, id, bytes);
                        dlq++;
                    }
                    case 1 -> {
                        fixture.send(topic, id, new byte[] {'{', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'});
                        dlq++;
                    }
                    case 2 -> {
                        fixture.send(topic, id, "[".repeat(5000) + "]".repeat(5000));
                        dlq++;
                    }
                    case 3 -> {
                        fixture.send(topic, id, "{\"prompt\":\"no id\",\"n\":" + i + "}");
                        dlq++;
                    }
                    case 4 -> {
                        fixture.send(topic, id, "{\"commandId\":" + i + "}");
                        dlq++;
                    }
                    case 5 -> {
                        fixture.send(topic, id, command(id, "x", ",\"n\":\"many\",\"seed\":1.5"));
                        answered.add(id);
                    }
                    case 6 -> {
                        fixture.send(topic, id, "{\"commandId\":\"" + id + "\",\"model\":{\"deep\":" + "[".repeat(20)
                                + "]".repeat(20) + "},\"prompt\":[1,2,3],\"metadata\":{\"a\":1}}");
                        answered.add(id);
                    }
                    case 7 -> {
                        String prompt = i % 100 == 7 ? "p".repeat(200_000) : "p".repeat(3000);
                        fixture.send(topic, id, command(id, prompt, ""));
                        answered.add(id);
                    }
                    case 8 -> {
                        fixture.send(topic, id, command(id, "x", ",\"aspectRatio\":\"7:3\",\"provider\":\"nobody\""));
                        answered.add(id);
                    }
                    default -> {
                        fixture.send(topic, id, ("{\"commandId\":\"" + id + "\",\"model\":\"unknown-model\","
                                + "\"prompt\":\"\\ud800\",\"references\":[{\"base64\":\"%%%\"}]}")
                                .getBytes(StandardCharsets.UTF_8));
                        answered.add(id);
                    }
                }
            }
            fixture.send(topic, "flood-end", command("flood-end", "@sync", ""));
            fixture.flush();
            answered.add("flood-end");

            List<ConsumerRecord<byte[], byte[]>> events = fixture.read(config.topics().events(), records -> {
                Set<String> done = new HashSet<>();
                records.stream().map(KafkaFixture::json).filter(e -> Boolean.TRUE.equals(e.get("terminal")))
                        .forEach(e -> done.add((String) e.get("commandId")));
                return done.containsAll(answered);
            }, Duration.ofSeconds(90));
            int expectedDlq = dlq;
            List<ConsumerRecord<byte[], byte[]>> dead = fixture.read(config.topics().dlq(),
                    records -> records.size() >= expectedDlq, Duration.ofSeconds(60));

            List<String> missing = new ArrayList<>();
            for (String id : answered) {
                if (terminalCount(events, id) != 1) {
                    missing.add(id + "=" + terminalCount(events, id));
                }
            }
            assertTrue(missing.isEmpty(), "ids without exactly one terminal event: " + missing);
            assertEquals(expectedDlq, dead.size());
            assertTrue(worker.ready(), "the worker is still running");
            worker.stop();
            assertTrue(worker.await(Duration.ofSeconds(30)));
        }
    }
}
