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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two workers of one group behind one callback URL, on a real broker (two worker instances in this JVM, each with
 * its own Kafka clients and HTTP endpoint): a vendor callback that reaches the worker that does not drive its task is
 * handed to the one that does, which polls at once; a forged token is refused without any Kafka write.
 */
class CallbacksAcrossWorkersIT {

    /** Status calls every 2 minutes: only a callback can make a task finish within the test. */
    private static final Map<String, String> SLOW_POLLS = Map.of("BETA_POLL_INITIAL_DELAY", "2m",
            "BETA_POLL_INTERVAL", "2m", "BETA_POLL_MAX_INTERVAL", "2m");

    @Test
    void a_callback_at_the_other_worker_makes_the_owner_poll_within_a_second() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture()) {
            WorkerConfig config = fixture.config(4);
            Worker first = fixture.worker(config, SLOW_POLLS);
            Worker second = fixture.worker(config, SLOW_POLLS);
            await("the partitions are shared", () -> first.ready() && second.ready()
                    && first.partitionsOwned() + second.partitionsOwned() == 4 && first.partitionsOwned() > 0
                    && second.partitionsOwned() > 0, Duration.ofSeconds(60));
            String id = commandOwnedBy(second, 4);
            fixture.send(config.topics().commands(), id, "{\"commandId\":\"" + id + "\",\"provider\":\"beta\","
                    + "\"model\":\"test-model\",\"prompt\":\"@ms=0\"}");
            fixture.flush();
            fixture.read(config.topics().events(), r -> eventsOf(r, id).stream()
                    .anyMatch(e -> "SUBMITTED".equals(e.get("status"))), Duration.ofSeconds(30));
            String[] callback = TestVendor.callbackOf(id);
            String path = URI.create(callback[1]).getPath();
            HttpClient http = HttpClient.newHttpClient();

            long posted = System.nanoTime();
            assertEquals(200, post(http, first.httpPort(), path, callback[0]), "handed on to the owner");
            await("the owner polled", () -> !TestVendor.pollsOf(id).isEmpty(), Duration.ofSeconds(10));
            long delayMs = TimeUnit.NANOSECONDS.toMillis(TestVendor.pollsOf(id).get(0) - posted);
            List<ConsumerRecord<byte[], byte[]>> events = fixture.read(config.topics().events(),
                    r -> terminalCount(r, id) > 0, Duration.ofSeconds(30));

            System.out.println("callback at the other worker -> the owner's status call: " + delayMs + " ms");
            // the cadence alone would poll after 2 minutes; the bound is loose so a loaded machine cannot fail it
            assertTrue(delayMs < 5000, "the owner polled " + delayMs + " ms after the callback");
            assertEquals(1, terminalCount(events, id));
            assertTrue(metrics(http, first).contains("imagegen_callbacks_total{verdict=\"NOT_HERE\"} 1.0"));

            String forged = path.substring(0, path.lastIndexOf('~') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
            assertEquals(404, post(http, first.httpPort(), forged, callback[0]));
            assertEquals(404, post(http, second.httpPort(), forged, callback[0]));
            List<ConsumerRecord<byte[], byte[]>> commands = fixture.read(config.topics().commands(),
                    r -> r.size() >= 2, Duration.ofSeconds(5));
            assertEquals(1, commands.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8)
                    .contains("imagegen.callback.v1")).count(), "one hand-on, none for the forged token");

            first.stop();
            second.stop();
            assertTrue(first.await(Duration.ofSeconds(30)) & second.await(Duration.ofSeconds(30)));
        }
    }

    @Test
    void a_callback_url_stays_valid_after_its_worker_restarts() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture()) {
            WorkerConfig config = fixture.config(2);
            Worker before = fixture.worker(config, SLOW_POLLS);
            KafkaFixture.awaitReady(before);
            fixture.send(config.topics().commands(), "cb-restart", command("cb-restart", "@ms=0",
                    ",\"provider\":\"beta\""));
            fixture.flush();
            fixture.read(config.topics().events(), r -> eventsOf(r, "cb-restart").stream()
                    .anyMatch(e -> "SUBMITTED".equals(e.get("status"))), Duration.ofSeconds(30));
            before.stop();
            assertTrue(before.await(Duration.ofSeconds(30)));

            Worker after = fixture.worker(config, SLOW_POLLS);
            KafkaFixture.awaitReady(after);
            String[] callback = TestVendor.callbackOf("cb-restart");
            // 200 (polled here, or handed on if the restored task's first poll finished it), never 404: the token
            // made before the restart is genuine to the new process
            assertEquals(200, post(HttpClient.newHttpClient(), after.httpPort(), URI.create(callback[1]).getPath(),
                    callback[0]));
            List<ConsumerRecord<byte[], byte[]>> events = fixture.read(config.topics().events(),
                    r -> terminalCount(r, "cb-restart") > 0, Duration.ofSeconds(30));
            assertEquals(1, terminalCount(events, "cb-restart"));
            after.stop();
            assertTrue(after.await(Duration.ofSeconds(30)));
        }
    }

    /** A commandId that the default partitioner puts on a partition this worker owns. */
    private static String commandOwnedBy(Worker worker, int partitions) {
        for (int i = 0; ; i++) {
            String id = "cb-across-" + i;
            if (worker.ownedPartitions().contains(KafkaFixture.partitionOf(id, partitions))) {
                return id;
            }
        }
    }

    private static int post(HttpClient http, int port, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static String metrics(HttpClient http, Worker worker) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + worker.httpPort() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
