package dev.imagegen.spi;

import java.util.concurrent.CompletionStage;

/**
 * The port where result images are kept beyond the vendor's URLs (result custody). An implementation fetches the
 * image the vendor made and stores a copy under a name deterministic in the task id and the image's index, so a copy
 * repeated after a crash overwrites the same object.
 *
 * <p>Non-blocking: {@link #store} returns at once; the copy is made on the implementation's own small, bounded set
 * of threads or on non-blocking I/O, never on the caller's thread. A copy never causes a vendor submit: a store
 * that cannot copy an image says why, and the caller keeps the vendor's URL.
 *
 * <p>Implementations are thread-safe. {@link #close()} releases their clients and threads; copies in progress then
 * complete exceptionally.
 */
public interface ImageStore extends AutoCloseable {

    /**
     * Copies one result image into the store.
     *
     * @param taskId the task (the worker's commandId), never null; part of the object's name
     * @param index  the image's position in the task's result, from 0; part of the object's name
     * @param image  the vendor's image
     * @return completes with the stored copy; exceptionally with an {@link ImageStoreException} saying why the image
     *         could not be copied (a refused address, too large, not an image, the vendor's URL failing past the
     *         retries, the store refusing the write)
     */
    CompletionStage<StoredImage> store(String taskId, int index, GeneratedImage image);

    /** Where this store keeps its copies, for logs and {@code --help} (never a credential). */
    String describe();

    /** Releases clients and threads. Idempotent. */
    @Override
    void close();
}
