package dev.imagegen.spi;

import java.net.URI;
import java.util.Objects;

/**
 * A result image copied into an {@link ImageStore} (CONTRACT §5.3 {@code images[].stored}). Immutable and thread-safe.
 *
 * @param uri         where the copy is ({@code file:///...} or {@code s3://bucket/key}), never null
 * @param sha256      the copy's SHA-256, 64 lower-case hex digits
 * @param bytes       its size in bytes, at least 1
 * @param contentType its type as read from its content ({@code image/png}, {@code image/jpeg} or {@code image/webp}),
 *                    never the vendor's header
 */
public record StoredImage(URI uri, String sha256, long bytes, String contentType) {

    public StoredImage {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(contentType, "contentType");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        }
        if (bytes < 1) {
            throw new IllegalArgumentException("a stored image has at least 1 byte, got " + bytes);
        }
    }
}
