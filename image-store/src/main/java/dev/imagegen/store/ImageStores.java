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
 * <p>Every store downloads the vendor's image itself: {@code http} and {@code https} only; redirects followed by the
 * store (at most {@link StoreOptions#maxRedirects()}), each hop checked again; every address the host resolves to
 * checked against loopback, link-local, private, unique-local, CGNAT, multicast and reserved ranges (IPv4, IPv6 and
 * IPv4 inside IPv6) unless {@link StoreOptions#allowPrivateUrls()}; the body streamed through one 64 KiB buffer into
 * a temporary file, capped at {@link StoreOptions#maxImageBytes()}, hashed, and typed by its first bytes (PNG, JPEG
 * or WebP). Residual risk: the JDK HTTP client resolves the host again when it connects, so a DNS answer that changes
 * in between (DNS rebinding) is not caught. A failed copy never submits anything to a vendor.
 *
 * <p>Threads: a store copies on its own fixed pool of {@link StoreOptions#threads()} daemon threads
 * ({@code imagegen-store-N}) plus one timer thread ({@code imagegen-store-timer}), and its JDK HTTP client adds a
 * selector thread and a cached pool of worker threads (about one per download in progress; idle ones end after a
 * minute); never the caller's thread. {@link dev.imagegen.spi.ImageStore#close()} stops the store's own threads.
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
