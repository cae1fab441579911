package dev.imagegen.store;

import java.util.Optional;

/** The image formats custody accepts, told apart by their first bytes (never by the vendor's header). */
enum ImageType {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp");

    /** How many leading bytes {@link #sniff} needs to decide. */
    static final int HEAD_BYTES = 12;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP_TAG = {'W', 'E', 'B', 'P'};

    private final String contentType;
    private final String extension;

    ImageType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    /** The type whose magic bytes begin {@code head[0..length)}; empty for anything else. */
    static Optional<ImageType> sniff(byte[] head, int length) {
        if (startsWith(head, length, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, 0, RIFF) && startsWith(head, length, 8, WEBP_TAG)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int length, int offset, byte[] magic) {
        if (length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
