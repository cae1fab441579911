package dev.imagegen.store;

import dev.imagegen.spi.ConfigException;
import dev.imagegen.spi.ImageStore;
import dev.imagegen.spi.ProviderConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens the {@link ImageStore} that {@code IMAGEGEN_STORE_URL} names: {@code file:///path/dir} (a directory,
 * created if missing) or {@code s3://bucket/prefix} (an S3-compatible bucket; the prefix may be empty).
 *
 * <p>Every store returned downloads on its own fixed pool of {@link StoreOptions#threads()} daemon threads plus one
 * timer thread (and the JDK HTTP client's selector thread), never on the caller's thread; close it to release them.
 * Stateless and thread-safe.
 */
public final class ImageStores {

    private ImageStores() {
    }

    /**
     * The store named by {@link StoreOptions#STORE_URL} with the options read from the same config, or empty when
     * custody is not configured.
     *
     * @throws ConfigException naming the first malformed key
     */
    public static Optional<ImageStore> open(ProviderConfig config) {
        if (!config.isSet(StoreOptions.STORE_URL)) {
            return Optional.empty();
        }
        String text = config.string(StoreOptions.STORE_URL);
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw badUrl(text);
        }
        return Optional.of(open(url, StoreOptions.read(config)));
    }

    /**
     * Opens the store at {@code storeUrl}.
     *
     * @throws ConfigException naming {@code IMAGEGEN_STORE_URL} and the accepted shapes for a URL of another scheme,
     *                         a relative or unusable directory, or a malformed bucket name
     */
    public static ImageStore open(URI storeUrl, StoreOptions options) {
        Objects.requireNonNull(storeUrl, "storeUrl");
        Objects.requireNonNull(options, "options");
        if (storeUrl.getQuery() != null || storeUrl.getFragment() != null) {
            throw badUrl(storeUrl.toString());
        }
        String scheme = storeUrl.getScheme() == null ? "" : storeUrl.getScheme();
        switch (scheme) {
            case "file":
                return new FilesystemImageStore(directory(storeUrl), options);
            case "s3":
                return s3(storeUrl, options);
            default:
                throw badUrl(storeUrl.toString());
        }
    }

    private static Path directory(URI url) {
        String authority = url.getRawAuthority();
        if (url.isOpaque() || url.getPath() == null || !url.getPath().startsWith("/")
                || (authority != null && !authority.isEmpty())) {
            throw new ConfigException(StoreOptions.STORE_URL.name(), "'" + url
                    + "' must name an absolute directory, as file:///path/dir");
        }
        Path dir = Path.of(url.getPath());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException(StoreOptions.STORE_URL.name(), "the directory " + dir
                    + " cannot be created (" + e.getClass().getSimpleName() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new ConfigException(StoreOptions.STORE_URL.name(), "the directory " + dir + " is not writable");
        }
        return dir;
    }

    private static ImageStore s3(URI url, StoreOptions options) {
        String bucket = url.getRawAuthority();
        if (url.isOpaque() || bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new ConfigException(StoreOptions.STORE_URL.name(), "'" + url
                    + "' must be s3://bucket/prefix with a bucket name of 3 to 63 characters a-z, 0-9, '.' and '-'");
        }
        String prefix = url.getPath() == null ? "" : url.getPath().replaceAll("^/+|/+$", "");
        return new S3ImageStore(S3Clients.create(options), bucket, prefix, options);
    }

    private static ConfigException badUrl(String text) {
        return new ConfigException(StoreOptions.STORE_URL.name(), "'" + text
                + "' must be file:///path/dir or s3://bucket/prefix");
    }
}
