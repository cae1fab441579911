package dev.imagegen.worker.it;

import static dev.imagegen.worker.it.KafkaFixture.await;
import static dev.imagegen.worker.it.KafkaFixture.command;
import static dev.imagegen.worker.it.KafkaFixture.eventsOf;
import static dev.imagegen.worker.it.KafkaFixture.terminalCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.worker.Worker;
import dev.imagegen.worker.config.WorkerConfig;
import dev.imagegen.worker.testing.TestVendor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result custody on a real broker: the worker stores the images into a directory before the SUCCEEDED event. */
class CustodyIT {

    @TempDir
    Path dir;

    @AfterEach
    void vendorImagesBackToDefault() {
        TestVendor.serveImagesFrom(null);
    }

    private Map<String, String> custody(boolean allowPrivate) {
        Map<String, String> settings = new HashMap<>();
        settings.put("IMAGEGEN_STORE_URL", dir.toUri().toString());
        if (allowPrivate) {
            settings.put("IMAGEGEN_STORE_ALLOW_PRIVATE_URLS", "true");
        }
        return settings;
    }

    @Test
    void a_succeeded_event_carries_the_stored_copy_with_the_file_s_sha256() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture(); ImageServer images = new ImageServer(false)) {
            TestVendor.serveImagesFrom(images.baseUrl());
            WorkerConfig config = fixture.config(2);
            Worker worker = fixture.worker(config, custody(true));
            List<String> ids = List.of("custody-task", "custody-sync");
            fixture.send(config.topics().commands(), ids.get(0), command(ids.get(0), "@ms=100", ""));
            fixture.send(config.topics().commands(), ids.get(1), command(ids.get(1), "@sync", ""));
            fixture.flush();

            List<ConsumerRecord<byte[], byte[]>> events = fixture.read(config.topics().events(),
                    records -> ids.stream().allMatch(id -> terminalCount(records, id) > 0), Duration.ofSeconds(60));
            for (String id : ids) {
                Map<String, Object> last = onlyTerminal(events, id);
                assertEquals("SUCCEEDED", last.get("status"), id);
                Map<?, ?> image = (Map<?, ?>) ((List<?>) last.get("images")).get(0);
                assertTrue(((String) image.get("url")).startsWith(images.baseUrl() + "/images/"), "the vendor's URL");
                assertStoredInDir(image, id);
                assertEquals(List.of(), last.get("warnings"), id);
                assertEquals(1, TestVendor.submitsOf(id), id);
            }
            assertFalse(events.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8)
                    .contains(KafkaFixture.ALPHA_KEY)), "no key in any event");
            worker.stop();
            assertTrue(worker.await(Duration.ofSeconds(30)));
        }
    }

    @Test
    void a_refused_download_still_succeeds_with_the_vendor_url_and_a_warning_saying_why() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture(); ImageServer images = new ImageServer(false)) {
            TestVendor.serveImagesFrom(images.baseUrl());
            WorkerConfig config = fixture.config(2);
            Worker worker = fixture.worker(config, custody(false));
            fixture.send(config.topics().commands(), "custody-refused", command("custody-refused", "@ms=100", ""));
            fixture.flush();

            List<ConsumerRecord<byte[], byte[]>> events = fixture.read(config.topics().events(),
                    records -> terminalCount(records, "custody-refused") > 0, Duration.ofSeconds(60));
            Map<String, Object> last = onlyTerminal(events, "custody-refused");
            assertEquals("SUCCEEDED", last.get("status"));
            Map<?, ?> image = (Map<?, ?>) ((List<?>) last.get("images")).get(0);
            assertTrue(((String) image.get("url")).startsWith(images.baseUrl().toString()));
            assertFalse(image.containsKey("stored"));
            List<?> warnings = (List<?>) last.get("warnings");
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(((String) warnings.get(0)).startsWith("image 0 was not stored"), warnings.toString());
            assertTrue(((String) warnings.get(0)).contains("127.0.0.1"), "names the refused host: " + warnings);
            assertEquals(0, images.requestsFor("custody-refused"), "a refused address is never fetched");
            assertEquals(1, TestVendor.submitsOf("custody-refused"));
            worker.stop();
            assertTrue(worker.await(Duration.ofSeconds(30)));
        }
    }

    @Test
    void a_worker_killed_while_copying_leaves_the_copy_to_the_next_with_no_second_vendor_call() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture(Map.of("group.min.session.timeout.ms", "500"));
             ImageServer images = new ImageServer(true)) {
            TestVendor.serveImagesFrom(images.baseUrl());
            WorkerConfig config = fixture.config(2).withClientOverrides(Map.of("consumer.session.timeout.ms", 3000,
                    "consumer.heartbeat.interval.ms", 500));
            Worker doomed = fixture.worker(config, custody(true));
            KafkaFixture.awaitReady(doomed);
            List<String> ids = List.of("custody-crash-0", "custody-crash-1", "custody-crash-2");
            for (String id : ids) {
                fixture.send(config.topics().commands(), id, command(id, "@ms=100", ""));
            }
            fixture.flush();
            await("every first download hangs (the vendor's success is saved before it starts)",
                    () -> ids.stream().allMatch(id -> images.requestsFor("/" + id + "/") == 1), Duration.ofSeconds(30));
            Map<String, Long> pollsBefore = new HashMap<>();
            ids.forEach(id -> pollsBefore.put(id, (long) TestVendor.pollsOf(id).size()));

            doomed.crash();
            Worker next = fixture.worker(config, custody(true));

            List<ConsumerRecord<byte[], byte[]>> events = fixture.read(config.topics().events(),
                    records -> ids.stream().allMatch(id -> terminalCount(records, id) > 0), Duration.ofSeconds(90));
            for (String id : ids) {
                Map<String, Object> last = onlyTerminal(events, id);
                assertEquals("SUCCEEDED", last.get("status"), id);
                assertStoredInDir((Map<?, ?>) ((List<?>) last.get("images")).get(0), id);
                assertEquals(1, TestVendor.submitsOf(id), id + " reached the vendor exactly once");
                assertEquals(pollsBefore.get(id), (long) TestVendor.pollsOf(id).size(), id + " was not polled again");
                assertEquals(2, images.requestsFor("/" + id + "/"), id + ": the hung download and one more");
            }
            next.stop();
            assertTrue(next.await(Duration.ofSeconds(30)), "the next owner drains cleanly");
        }
    }

    /** The image's {@code stored} names a file in the store directory whose size and SHA-256 are the PNG's. */
    private void assertStoredInDir(Map<?, ?> image, String id) throws Exception {
        Map<?, ?> stored = assertInstanceOf(Map.class, image.get("stored"), id + ": " + image);
        Path file = Path.of(URI.create((String) stored.get("uri")));
        assertTrue(file.startsWith(dir), file + " is in the store directory");
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(ImageServer.PNG.length, bytes.length, id);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ImageServer.PNG)), sha256);
        assertEquals(sha256, stored.get("sha256"), id);
        assertEquals((long) bytes.length, stored.get("bytes"), id);
        assertEquals("image/png", stored.get("contentType"), id);
    }

    /** The command's last event, checked to be its one terminal event. */
    private static Map<String, Object> onlyTerminal(List<ConsumerRecord<byte[], byte[]>> events, String id) {
        assertEquals(1, terminalCount(events, id), id + " has exactly one terminal event");
        List<Map<String, Object>> mine = eventsOf(events, id);
        return mine.get(mine.size() - 1);
    }
}
