package dev.imagegen.spi;

/** How a reference image reaches a vendor. Immutable (an enum).*/
public enum ReferenceTransport {
    /** The vendor fetches a URL. */
    URL,
    /** The bytes travel with the request (multipart upload, base64 field or {@code data:} URI). */
    INLINE
}
