package dev.imagegen.spi;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What reference images a model takes. Immutable and thread-safe.
 *
 * @param minCount   the fewest references a request must carry (0 when references are optional)
 * @param maxCount   the most references a request may carry (0 when the model takes none)
 * @param transports how they may travel: URL, inline bytes, or both; empty when the model takes none
 * @param mimeTypes  the accepted media types of inline references (and of URL references where the vendor
 *                   checks them), lower case
 * @param maxBytes   the largest inline reference in bytes
 */
public record ReferenceLimits(int minCount, int maxCount, Set<ReferenceTransport> transports,
                              Set<String> mimeTypes, long maxBytes) {

    /** The common image types vendors accept. */
    public static final Set<String> JPEG_PNG_WEBP = Set.of("image/jpeg", "image/png", "image/webp");

    /** A model that takes no references. */
    public static final ReferenceLimits NONE = new ReferenceLimits(0, 0, Set.of(), Set.of(), 0);

    public ReferenceLimits {
        Objects.requireNonNull(transports, "transports");
        Objects.requireNonNull(mimeTypes, "mimeTypes");
        transports = Collections.unmodifiableSet(transports.isEmpty() ? EnumSet.noneOf(ReferenceTransport.class)
                : EnumSet.copyOf(transports));
        mimeTypes = Collections.unmodifiableSet(new TreeSet<>(mimeTypes));
        if (minCount < 0 || maxCount < minCount) {
            throw new IllegalArgumentException("reference counts must satisfy 0 <= min <= max, got "
                    + minCount + ".." + maxCount);
        }
        if (maxCount > 0 && (transports.isEmpty() || maxBytes <= 0)) {
            throw new IllegalArgumentException("a model that takes references needs a transport and a byte limit");
        }
    }

    /** Up to {@code maxCount} optional references of the given transports, types and size. */
    public static ReferenceLimits upTo(int maxCount, Set<ReferenceTransport> transports, Set<String> mimeTypes,
                                       long maxBytes) {
        return new ReferenceLimits(0, maxCount, transports, mimeTypes, maxBytes);
    }

    public boolean accepted() {
        return maxCount > 0;
    }

    public ReferenceLimits withMaxCount(int newMax) {
        return new ReferenceLimits(Math.min(minCount, newMax), newMax, transports, mimeTypes, maxBytes);
    }
}
