package dev.imagegen.store;

import java.nio.file.Path;

/**
 * A downloaded image in a temporary file that its receiver moves, uploads or deletes.
 *
 * @param file   the temporary file
 * @param sha256 its SHA-256, 64 lower-case hex digits
 * @param bytes  its size
 * @param type   its type, read from its first bytes
 */
record Download(Path file, String sha256, long bytes, ImageType type) {
}
