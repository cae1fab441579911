package dev.imagegen.worker.it;

import static dev.imagegen.worker.it.KafkaFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.TaskLedger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Result custody across a killed worker process (issue 12, item 4): the vendor said success, the worker is copying
 * the image into the store when it is killed ({@code kill -9}); a new worker process finishes the copy. One terminal
 * SUCCEEDED event with {@code images[].stored}, one vendor submit, two image requests (the one held when the worker
 * died and one more), and the stored file is the one the event describes.
 */
class CustodyCrashIT {

    private static final int PARTITIONS = 2;

    @TempDir
    Path store;

    @Test
    void a_worker_killed_while_it_stores_the_image_leaves_the_copy_to_the_next_process() throws Exception {
        long began = System.nanoTime();
        try (KafkaFixture fixture = new KafkaFixture(Map.of("group.min.session.timeout.ms", "500"));
             SimulatedVendors vendors = new SimulatedVendors(Duration.ofSeconds(1));
             WorkerProcesses workers = new WorkerProcesses()) {
            vendors.apixo.stallFirstImageDownloads(Duration.ofMinutes(2));
            Map<String, String> env = fixture.env(PARTITIONS);
            env.putAll(vendors.env());
            env.put("IMAGEGEN_STORE_URL", store.toUri().toString());
            env.put("IMAGEGEN_STORE_ALLOW_PRIVATE_URLS", "true");
            // the killed worker's partitions move 3 s after its death instead of 10 s
            env.put("IMAGEGEN_KAFKA_SESSION_TIMEOUT_MS", "3000");
            env.put("IMAGEGEN_KAFKA_HEARTBEAT_INTERVAL_MS", "500");

            WorkerProcess doomed = workers.start("custody-1", env);
            doomed.awaitReady(Duration.ofSeconds(90));
            String id = "custody-crash";
            fixture.send(fixture.prefix + "commands", id, SimulatedVendors.command(id, "apixo"));
            fixture.flush();
            await("the vendor has the task", () -> vendors.apixo.ledger().traces().size() == 1,
                    Duration.ofSeconds(60));
            String taskId = vendors.apixo.ledger().traces().get(0).taskId();
            await("the worker is copying the image (the vendor's success is saved before the copy starts)",
                    () -> vendors.apixo.imageRequestsOf(taskId) == 1, Duration.ofSeconds(60));
            long killedAt = System.nanoTime();
            doomed.kill();

            WorkerProcess next = workers.start("custody-2", env);
            try (EventStream events = new EventStream(fixture.kafka.bootstrapServers(), fixture.prefix + "events")) {
                await("a terminal event", () -> events.terminalCount(id) > 0, Duration.ofSeconds(90));
                System.out.printf("custody crash: kill -9 while copying; the next process's terminal event %.1f s "
                        + "later (%.1f s in all)%n", (System.nanoTime() - killedAt) / 1e9,
                        (System.nanoTime() - began) / 1e9);
                Thread.sleep(500);
                EventStream.Event last = events.onlyTerminal(id);
                assertEquals("SUCCEEDED", last.status(), last.body().toString());
                assertEquals(List.of(), last.body().get("warnings"));
                assertStored((Map<?, ?>) ((List<?>) last.body().get("images")).get(0));
                events.assertSchemas();
            }
            assertEquals(1, vendors.submitsOf("apixo", id), "one vendor submit");
            assertEquals(1, vendors.apixo.submitCalls(), "one vendor submit");
            assertEquals(2, vendors.apixo.imageRequestsOf(taskId), "the held download and one more");
            TaskLedger.TaskTrace trace = vendors.apixo.ledger().trace(taskId).orElseThrow();
            System.out.printf("custody crash: 1 submit, %d status calls, %d image requests%n",
                    trace.statusCalls().size(), vendors.apixo.imageRequestsOf(taskId));
            assertEquals(0, next.stop(Duration.ofSeconds(60)), "SIGTERM drains and exits 0:\n" + next.logTail());
        }
    }

    /** {@code stored} names a file in the store whose size and SHA-256 are the event's. */
    private void assertStored(Map<?, ?> image) throws Exception {
        Map<?, ?> stored = assertInstanceOf(Map.class, image.get("stored"), image.toString());
        Path file = Path.of(URI.create((String) stored.get("uri")));
        assertTrue(file.toAbsolutePath().startsWith(store.toAbsolutePath()), file + " is in the store directory");
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                stored.get("sha256"));
        assertEquals((long) bytes.length, ((Number) stored.get("bytes")).longValue());
        assertEquals(bytes[0] == (byte) 0x89 ? "image/png" : "image/jpeg", stored.get("contentType"));
    }
}
