package dev.imagegen.spi;

import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * A reference image given to the model: either a URL the vendor fetches, or bytes sent inline.
 *
 * <p>Immutable and thread-safe; inline bytes are copied on the way in and out.
 */
public sealed interface Reference permits Reference.Url, Reference.Inline {

    /** How this reference travels to the vendor. */
    ReferenceTransport transport();

    static Url url(String url) {
        return new Url(URI.create(url));
    }

    static Inline inline(byte[] bytes, String mimeType) {
        return new Inline(bytes, mimeType);
    }

    /**
     * A reference the vendor fetches itself.
     *
     * @param uri an absolute {@code http} or {@code https} URI
     */
    record Url(URI uri) implements Reference {
        public Url {
            Objects.requireNonNull(uri, "reference url");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException("reference url '" + uri + "' must be an absolute http(s) URL");
            }
        }

        @Override
        public ReferenceTransport transport() {
            return ReferenceTransport.URL;
        }
    }

    /**
     * A reference sent with the request.
     *
     * @param bytes    the image file's bytes, at least one
     * @param mimeType its media type, such as {@code image/png}, lower case
     */
    record Inline(byte[] bytes, String mimeType) implements Reference {
        public Inline {
            Objects.requireNonNull(bytes, "reference bytes");
            Objects.requireNonNull(mimeType, "reference mimeType");
            if (bytes.length == 0) {
                throw new IllegalArgumentException("reference bytes must not be empty");
            }
            if (!mimeType.matches("[a-z]+/[a-z0-9.+-]+")) {
                throw new IllegalArgumentException("reference mimeType '" + mimeType + "' must look like image/png");
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public int size() {
            return bytes.length;
        }

        /** The bytes as standard Base64, for vendors that take a {@code data:} URI or a base64 field. */
        public String base64() {
            return Base64.getEncoder().encodeToString(bytes);
        }

        /** {@code data:<mime>;base64,<bytes>}. */
        public String dataUri() {
            return "data:" + mimeType + ";base64," + base64();
        }

        /** A file name with an extension matching the MIME type, for multipart uploads. */
        public String fileName(int index) {
            String subtype = mimeType.substring(mimeType.indexOf('/') + 1);
            String extension = subtype.equals("jpeg") ? "jpg" : subtype;
            return "reference-" + (index + 1) + "." + extension;
        }

        @Override
        public ReferenceTransport transport() {
            return ReferenceTransport.INLINE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Inline other && mimeType.equals(other.mimeType) && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(bytes) + mimeType.hashCode();
        }

        @Override
        public String toString() {
            return "Inline[" + mimeType + ", " + bytes.length + " bytes]";
        }
    }
}
