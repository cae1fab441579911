package dev.imagegen.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ImageStore;
import dev.imagegen.spi.ImageStoreException;
import dev.imagegen.spi.StoredImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemImageStoreTest {

    private final ImageSources sources = new ImageSources();
    private ImageStore store;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        sources.close();
    }

    /** Loopback allowed, 5 ms between attempts. */
    private static StoreOptions.Builder fast() {
        return StoreOptions.builder().allowPrivateUrls(true).firstBackoff(Duration.ofMillis(5));
    }

    private ImageStore open(StoreOptions.Builder options) {
        store = ImageStores.open(dir.toUri(), options.build());
        return store;
    }

    private StoredImage copy(String taskId, int index, String path) {
        return store.store(taskId, index, new GeneratedImage(sources.url(path), null)).toCompletableFuture().join();
    }

    private ImageStoreException failure(CompletableFuture<StoredImage> copy) {
        CompletionException thrown = assertThrows(CompletionException.class, copy::join);
        ImageStoreException failure = assertInstanceOf(thrown.getCause());
        assertFalse(failure.getMessage().contains("s3cr3t"), failure.getMessage());
        return failure;
    }

    private static ImageStoreException assertInstanceOf(Throwable cause) {
        assertTrue(cause instanceof ImageStoreException, String.valueOf(cause));
        return (ImageStoreException) cause;
    }

    private CompletableFuture<StoredImage> start(String path, Instant expiresAt) {
        return store.store("t", 0, new GeneratedImage(sources.url(path), expiresAt)).toCompletableFuture();
    }

    @Test
    void stores_an_image_under_its_task_and_index_with_its_hash_and_type() throws Exception {
        open(fast());

        StoredImage stored = copy("cmd-1", 0, "/png");

        Path file = dir.resolve("cmd-1/0.png");
        assertEquals(file.toUri(), stored.uri());
        assertArrayEquals(ImageSources.PNG, Files.readAllBytes(file));
        assertEquals(DownloaderTest.sha256(ImageSources.PNG), stored.sha256());
        assertEquals(ImageSources.PNG.length, stored.bytes());
        assertEquals("image/png", stored.contentType());
    }

    @Test
    void names_the_file_after_the_content_not_the_header() throws Exception {
        open(fast());

        assertEquals("image/jpeg", copy("cmd-2", 1, "/jpeg").contentType());
        assertEquals("image/webp", copy("cmd-2", 2, "/webp").contentType());
        assertEquals(List.of("1.jpg", "2.webp"), files(dir.resolve("cmd-2")));
    }

    @Test
    void a_copy_repeated_after_a_crash_replaces_the_same_file_and_leaves_nothing_else() throws IOException {
        open(fast());

        StoredImage first = copy("Task/../X", 0, "/png");
        StoredImage second = copy("Task/../X", 0, "/png");

        assertEquals(first, second);
        assertEquals(List.of("_54ask_2F_2E_2E_2F_58"), files(dir));
        assertEquals(List.of("0.png"), files(dir.resolve("_54ask_2F_2E_2E_2F_58")));
    }

    @Test
    void retries_a_503_with_backoff_and_then_stores() {
        open(fast().attempts(4));
        sources.failFlakyTimes(2);

        StoredImage stored = copy("flaky", 0, "/flaky");

        assertEquals(ImageSources.PNG.length, stored.bytes());
        assertEquals(3, sources.hits("/flaky"));
    }

    @Test
    void gives_up_after_the_last_attempt_and_says_why() {
        open(fast().attempts(3));
        sources.failFlakyTimes(100);

        ImageStoreException failure = failure(start("/flaky", null));

        assertEquals("host 127.0.0.1 answered HTTP 503 (attempt 3 of 3)", failure.getMessage());
        assertEquals(3, sources.hits("/flaky"));
    }

    @Test
    void does_not_retry_once_the_vendor_url_expires_before_the_next_attempt() {
        open(fast().attempts(4).firstBackoff(Duration.ofMinutes(1)));
        sources.failFlakyTimes(100);

        ImageStoreException failure = failure(start("/flaky", Instant.now().plusSeconds(30)));

        assertTrue(failure.getMessage().contains("the vendor URL expires at"), failure.getMessage());
        assertEquals(1, sources.hits("/flaky"));
    }

    @Test
    void does_not_retry_a_404() {
        open(fast().attempts(4));

        failure(start("/missing", null));

        assertEquals(1, sources.hits("/missing"));
    }

    @Test
    void a_refused_url_fails_the_copy_naming_the_host_only() throws IOException {
        store = ImageStores.open(dir.toUri(), StoreOptions.defaults());

        ImageStoreException failure = failure(start("/png", null));

        assertTrue(failure.getMessage().startsWith("refused host 127.0.0.1: it resolves to 127.0.0.1, loopback"),
                failure.getMessage());
        assertEquals(0, sources.hits("/png"));
        assertEquals(List.of(), files(dir));
    }

    @Test
    void an_oversize_image_is_not_kept() throws IOException {
        open(fast().maxImageBytes(100_000));

        ImageStoreException failure = failure(start("/oversize-streamed", null));

        assertTrue(failure.getMessage().contains("larger than the limit of 100000 bytes"), failure.getMessage());
        assertEquals(List.of(), files(dir.resolve("t")));
    }

    @Test
    void store_returns_at_once_and_close_fails_the_copies_still_running() {
        open(fast().readTimeout(Duration.ofMinutes(5)));
        CompletableFuture<StoredImage> stalled = start("/stall-headers", null);

        assertFalse(stalled.isDone());
        store.close();

        assertEquals("the image store was closed before the copy finished", failure(stalled).getMessage());
        assertTrue(failure(start("/png", null)).getMessage().contains("closed"));
    }

    @Test
    void copies_beyond_the_pool_wait_in_line_on_its_few_threads() {
        open(fast().threads(2));

        List<CompletableFuture<StoredImage>> copies = IntStream.range(0, 12)
                .mapToObj(i -> store.store("many", i, new GeneratedImage(sources.url("/png"), null))
                        .toCompletableFuture())
                .collect(Collectors.toList());
        copies.forEach(CompletableFuture::join);

        long storeThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("imagegen-store-") && t.isAlive()).count();
        assertTrue(storeThreads <= 3, "two copy threads and one timer, found " + storeThreads);
        assertEquals(12, sources.hits("/png"));
    }

    private static List<String> files(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
