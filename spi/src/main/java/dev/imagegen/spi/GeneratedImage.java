package dev.imagegen.spi;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One generated image, as the vendor hands it out.
 *
 * @param url       where to fetch it, never null
 * @param expiresAt when the URL stops working, null where the vendor's lifetime is not known
 */
public record GeneratedImage(URI url, Instant expiresAt) {
    public GeneratedImage {
        Objects.requireNonNull(url, "url");
    }

    public Optional<Instant> expiresAtIfKnown() {
        return Optional.ofNullable(expiresAt);
    }
}
