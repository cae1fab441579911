package dev.imagegen.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One download attempt against real loopback servers: content, limits, redirects, refusals, timeouts. */
class DownloaderTest {

    private static ImageSources sources;
    private static ScheduledExecutorService timer;
    private static HttpClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sources = new ImageSources();
        timer = Executors.newSingleThreadScheduledExecutor();
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        sources.close();
        timer.shutdownNow();
    }

    private Downloader downloader(StoreOptions.Builder options) {
        StoreOptions built = options.allowPrivateUrls(true).build();
        return new Downloader(client, new UrlGuard(true), built, timer);
    }

    private Download fetch(String path) throws Exception {
        return fetch(downloader(StoreOptions.builder()), path);
    }

    private Download fetch(Downloader downloader, String path) throws Exception {
        return downloader.fetch(sources.url(path), dir);
    }

    private FetchFailure failure(Downloader downloader, String path) {
        FetchFailure failure = assertThrows(FetchFailure.class, () -> fetch(downloader, path));
        assertFalse(failure.getMessage().contains("s3cr3t"), failure.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "a failed download leaves no temporary file");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return failure;
    }

    @Test
    void downloads_a_png_with_its_hash_size_and_type_read_from_the_content() throws Exception {
        Download download = fetch("/png");

        assertEquals(ImageType.PNG, download.type());
        assertEquals(ImageSources.PNG.length, download.bytes());
        assertEquals(sha256(ImageSources.PNG), download.sha256());
        assertArrayEquals(ImageSources.PNG, Files.readAllBytes(download.file()));
        assertEquals(dir, download.file().getParent());
    }

    @Test
    void downloads_a_jpeg_and_a_webp() throws Exception {
        assertEquals(ImageType.JPEG, fetch("/jpeg").type());
        Download webp = fetch("/webp");
        assertEquals(ImageType.WEBP, webp.type());
        assertArrayEquals(ImageSources.WEBP, Files.readAllBytes(webp.file()));
    }

    @Test
    void refuses_a_body_that_is_not_an_image_whatever_its_content_type_says() {
        FetchFailure failure = failure(downloader(StoreOptions.builder()), "/html");

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("not a PNG, JPEG or WebP"), failure.getMessage());
        assertTrue(failure.getMessage().contains("127.0.0.1"), failure.getMessage());
    }

    @Test
    void refuses_an_empty_body() {
        assertFalse(failure(downloader(StoreOptions.builder()), "/empty").retryable());
    }

    @Test
    void refuses_a_body_declared_larger_than_the_limit() {
        FetchFailure failure = failure(downloader(StoreOptions.builder().maxImageBytes(100_000)),
                "/oversize-declared");

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("larger than the limit of 100000 bytes"), failure.getMessage());
    }

    @Test
    void stops_reading_a_body_without_a_length_once_it_passes_the_limit() {
        FetchFailure failure = failure(downloader(StoreOptions.builder().maxImageBytes(100_000)),
                "/oversize-streamed");

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("larger than the limit"), failure.getMessage());
    }

    @Test
    void follows_a_chain_of_redirects_within_the_limit() throws Exception {
        Download download = fetch(downloader(StoreOptions.builder().maxRedirects(3)), "/hop/3");

        assertEquals(ImageType.PNG, download.type());
    }

    @Test
    void gives_up_on_a_chain_longer_than_the_redirect_limit() {
        FetchFailure failure = failure(downloader(StoreOptions.builder().maxRedirects(2)), "/hop/3");

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("gave up after 2 redirects"), failure.getMessage());
    }

    @Test
    void refuses_a_redirect_to_a_scheme_other_than_http() {
        FetchFailure failure = failure(downloader(StoreOptions.builder()), "/to-file");

        assertTrue(failure.getMessage().contains("'file' URL"), failure.getMessage());
    }

    @Test
    void checks_every_hop_of_a_redirect_against_the_address_policy() {
        UrlGuard.Resolver pretendPublicLoopback = host -> host.equals("127.0.0.1")
                ? new InetAddress[] {InetAddress.getByName("203.0.113.7")}
                : InetAddress.getAllByName(host.equals("internal.test") ? "10.0.0.5" : host);
        Downloader guarded = new Downloader(client, new UrlGuard(false, pretendPublicLoopback),
                StoreOptions.defaults(), timer);

        FetchFailure failure = failure(guarded, "/to-internal");

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("refused host internal.test: it resolves to 10.0.0.5, private"),
                failure.getMessage());
        assertEquals(1, sources.hits("/to-internal"));
    }

    @Test
    void refuses_loopback_when_private_urls_are_not_allowed_without_connecting() {
        int before = sources.hits("/png");
        Downloader strict = new Downloader(client, new UrlGuard(false), StoreOptions.defaults(), timer);

        FetchFailure failure = failure(strict, "/png");

        assertTrue(failure.getMessage().contains("refused host 127.0.0.1"), failure.getMessage());
        assertTrue(failure.getMessage().contains("IMAGEGEN_STORE_ALLOW_PRIVATE_URLS"), failure.getMessage());
        assertEquals(before, sources.hits("/png"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::1]:9/a.png", "http://[::ffff:127.0.0.1]:9/a.png", "http://0.0.0.0:9/a.png",
        "http://2130706433:9/a.png", "http://localhost:9/a.png", "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1:9/a.png?sig=s3cr3t"})
    void refuses_private_hosts_however_they_are_written(String url) {
        Downloader strict = new Downloader(client, new UrlGuard(false), StoreOptions.defaults(), timer);

        FetchFailure failure = assertThrows(FetchFailure.class, () -> strict.fetch(URI.create(url), dir));

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().startsWith("refused host "), failure.getMessage());
        assertFalse(failure.getMessage().contains("s3cr3t") || failure.getMessage().contains("meta-data"),
                failure.getMessage());
    }

    @Test
    void a_redirect_without_a_location_is_a_failure() {
        assertFalse(failure(downloader(StoreOptions.builder()), "/no-location").retryable());
    }

    @Test
    void a_404_is_final() {
        FetchFailure failure = failure(downloader(StoreOptions.builder()), "/missing");

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains("answered HTTP 404"), failure.getMessage());
    }

    @Test
    void a_503_may_be_retried() {
        sources.failFlakyTimes(1);

        assertTrue(failure(downloader(StoreOptions.builder()), "/flaky").retryable());
    }

    @Test
    void a_body_that_stops_flowing_ends_at_the_read_timeout() {
        FetchFailure failure = failure(downloader(StoreOptions.builder().readTimeout(Duration.ofMillis(300))),
                "/stall-body");

        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("sent nothing for 300 ms"), failure.getMessage());
    }

    @Test
    void an_answer_that_never_comes_ends_at_the_read_timeout() {
        FetchFailure failure = failure(downloader(StoreOptions.builder().readTimeout(Duration.ofMillis(300))),
                "/stall-headers");

        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("did not answer within 300 ms"), failure.getMessage());
    }

    @Test
    void an_unresolvable_host_may_be_retried() {
        UrlGuard.Resolver nothing = host -> {
            throw new UnknownHostException(host);
        };
        Downloader guarded = new Downloader(client, new UrlGuard(false, nothing), StoreOptions.defaults(), timer);

        assertTrue(failure(guarded, "/png").retryable());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
