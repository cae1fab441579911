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
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 store against a real S3-compatible server on 127.0.0.1, read back with a plain S3 client. */
class S3ImageStoreIT {

    @TempDir
    static Path root;

    private static S3Server server;
    private static S3Client reader;
    private final ImageSources sources = new ImageSources();
    private ImageStore store;

    @BeforeAll
    static void start() {
        // the AWS default credential chain reads these; S3Mock accepts any
        System.setProperty("aws.accessKeyId", "test-access-key");
        System.setProperty("aws.secretAccessKey", "test-secret-key");
        server = new S3Server(root);
        reader = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true).build();
    }

    @AfterAll
    static void stop() {
        reader.close();
        server.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        sources.close();
    }

    private ImageStore open(String url) {
        store = ImageStores.open(URI.create(url), StoreOptions.builder().allowPrivateUrls(true)
                .s3Endpoint(server.endpoint()).s3PathStyle(true).build());
        return store;
    }

    private StoredImage copy(String taskId, int index, String path) {
        return store.store(taskId, index, new GeneratedImage(sources.url(path), null)).toCompletableFuture().join();
    }

    private List<String> keys(String prefix) {
        return reader.listObjectsV2(b -> b.bucket(S3Server.BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().collect(Collectors.toList());
    }

    private ImageStoreException failure(String taskId, String path) {
        CompletionException thrown = assertThrows(CompletionException.class, () -> copy(taskId, 0, path));
        assertTrue(thrown.getCause() instanceof ImageStoreException, String.valueOf(thrown.getCause()));
        return (ImageStoreException) thrown.getCause();
    }

    @Test
    void stores_an_image_under_the_prefix_task_and_index_with_its_type_and_length() throws Exception {
        open("s3://custody/results/");

        StoredImage stored = copy("cmd-1", 0, "/png");

        assertEquals(URI.create("s3://custody/results/cmd-1/0.png"), stored.uri());
        assertEquals(DownloaderTest.sha256(ImageSources.PNG), stored.sha256());
        ResponseBytes<GetObjectResponse> object = reader.getObjectAsBytes(b -> b.bucket("custody")
                .key("results/cmd-1/0.png"));
        assertArrayEquals(ImageSources.PNG, object.asByteArray());
        assertEquals("image/png", object.response().contentType());
        assertEquals(ImageSources.PNG.length, object.response().contentLength());
    }

    @Test
    void a_copy_repeated_after_a_crash_overwrites_the_same_key() {
        open("s3://custody/again");

        StoredImage first = copy("Cmd-2", 0, "/jpeg");
        StoredImage second = copy("Cmd-2", 0, "/jpeg");

        assertEquals(first, second);
        assertEquals(List.of("again/_43md-2/0.jpg"), keys("again/"));
    }

    @Test
    void a_bucket_without_a_prefix_keeps_images_at_its_top() {
        open("s3://custody");

        assertEquals(URI.create("s3://custody/cmd-3/1.webp"), copy("cmd-3", 1, "/webp").uri());
        assertEquals("image/webp", reader.headObject(b -> b.bucket("custody").key("cmd-3/1.webp")).contentType());
    }

    @Test
    void a_download_that_fails_never_reaches_the_bucket() {
        open("s3://custody/refused");

        failure("cmd-4", "/html");

        assertEquals(List.of(), keys("refused/"));
    }

    @Test
    void a_bucket_that_refuses_the_write_fails_the_copy_saying_so() {
        open("s3://no-such-bucket/x");

        ImageStoreException failure = failure("cmd-5", "/png");

        assertTrue(failure.getMessage().startsWith("bucket no-such-bucket refused the image: HTTP 404"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("test-secret-key"), failure.getMessage());
    }

    @Test
    void describes_the_bucket_without_credentials() {
        assertEquals("S3 bucket custody, prefix a/b", open("s3://custody/a/b/").describe());
    }
}
