package dev.imagegen.spi;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One generated image, as the vendor hands it out, and the copy an {@link ImageStore} kept of it, if any. Immutable
 * and thread-safe.
 *
 * @param url       where to fetch it from the vendor, never null
 * @param expiresAt when the URL stops working, null where the vendor's lifetime is not known
 * @param stored    the copy kept in the {@link ImageStore} (CONTRACT §5.3 {@code images[].stored}), null where
 *                  no store is configured or the copy failed (the task's warnings then say why)
 */
public record GeneratedImage(URI url, Instant expiresAt, StoredImage stored) {
    public GeneratedImage {
        Objects.requireNonNull(url, "url");
    }

    /** An image as a vendor reports it: no stored copy yet. */
    public GeneratedImage(URI url, Instant expiresAt) {
        this(url, expiresAt, null);
    }

    public Optional<Instant> expiresAtIfKnown() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<StoredImage> storedIfAny() {
        return Optional.ofNullable(stored);
    }

    /** The same vendor image with its stored copy. */
    public GeneratedImage withStored(StoredImage copy) {
        return new GeneratedImage(url, expiresAt, Objects.requireNonNull(copy, "copy"));
    }
}
