package dev.imagegen.store;

import dev.imagegen.spi.ImageStoreException;
import dev.imagegen.spi.StoredImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Keeps images in a directory: {@code <dir>/<task>/<index>.<ext>}. The download is written to a temporary file
 * ({@code .download-*.part}) in the image's own directory, forced to disk, and moved into place atomically, so a
 * reader sees a whole image or none, and a copy repeated after a crash replaces the same file. A crash can leave a
 * temporary file behind (its name starts with a dot). Thread-safe.
 */
final class FilesystemImageStore extends CopyingImageStore {

    private final Path root;

    FilesystemImageStore(Path root, StoreOptions options) {
        super(options);
        this.root = root;
    }

    @Override
    Path tempDir(String stem) {
        return target(stem, "x").getParent();
    }

    @Override
    StoredImage keep(Download download, String stem) {
        Path target = target(stem, download.type().extension());
        try {
            try (FileChannel channel = FileChannel.open(download.file(), StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(download.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ImageStoreException("could not write the image into the store directory ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        return new StoredImage(target.toUri(), download.sha256(), download.bytes(), download.type().contentType());
    }

    private Path target(String stem, String extension) {
        return root.resolve(stem + "." + extension);
    }

    @Override
    void release() {
        // nothing beyond the shared threads
    }

    @Override
    public String describe() {
        return "directory " + root;
    }
}
