package dev.imagegen.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.ConfigException;
import dev.imagegen.spi.ImageStore;
import dev.imagegen.spi.ProviderConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageStoresTest {

    @TempDir
    Path dir;

    @Test
    void no_store_url_means_no_custody() {
        assertEquals(Optional.empty(), ImageStores.open(ProviderConfig.of(Map.of())));
    }

    @Test
    void a_file_url_opens_a_directory_store_creating_the_directory() {
        Path root = dir.resolve("a/b");
        try (ImageStore store = ImageStores.open(ProviderConfig.of(Map.of(
                "IMAGEGEN_STORE_URL", root.toUri().toString()))).orElseThrow()) {
            assertEquals("directory " + root, store.describe());
            assertTrue(Files.isDirectory(root));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://bucket/prefix", "ftp://host/dir", "dir/relative", "file:relative/dir",
        "file://otherhost/dir", "file:///tmp/x?y=1", "s3:bucket", "s3:///prefix", "s3://Bucket/x", "s3://ab/x",
        "s3://my_bucket/x"})
    void refuses_a_store_url_of_another_shape_naming_the_variable_and_the_allowed_shapes(String url) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ImageStores.open(ProviderConfig.of(Map.of("IMAGEGEN_STORE_URL", url))));

        assertEquals("IMAGEGEN_STORE_URL", e.key());
        assertTrue(e.getMessage().contains("file:///path/dir") || e.getMessage().contains("s3://bucket/prefix"),
                e.getMessage());
    }

    @Test
    void reads_the_custody_keys_of_the_contract() {
        StoreOptions options = StoreOptions.read(ProviderConfig.of(Map.of(
                "IMAGEGEN_STORE_ALLOW_PRIVATE_URLS", "true", "IMAGEGEN_S3_ENDPOINT", "http://127.0.0.1:9000",
                "IMAGEGEN_S3_REGION", "eu-central-1", "IMAGEGEN_S3_PATH_STYLE", "true")));

        assertTrue(options.allowPrivateUrls());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), options.s3Endpoint());
        assertEquals(Optional.of("eu-central-1"), options.s3Region());
        assertTrue(options.s3PathStyle());
    }

    @Test
    void defaults_refuse_private_urls_and_use_virtual_hosted_buckets() {
        StoreOptions options = StoreOptions.read(ProviderConfig.of(Map.of()));

        assertFalse(options.allowPrivateUrls());
        assertFalse(options.s3PathStyle());
        assertEquals(50L * 1024 * 1024, options.maxImageBytes());
        assertEquals(4, options.threads());
    }

    @Test
    void a_malformed_flag_names_its_key() {
        ConfigException e = assertThrows(ConfigException.class, () -> StoreOptions.read(ProviderConfig.of(Map.of(
                "IMAGEGEN_STORE_ALLOW_PRIVATE_URLS", "yes"))));

        assertEquals("IMAGEGEN_STORE_ALLOW_PRIVATE_URLS", e.key());
    }
}
