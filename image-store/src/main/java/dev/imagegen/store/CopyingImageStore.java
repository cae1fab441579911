package dev.imagegen.store;

import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ImageStore;
import dev.imagegen.spi.ImageStoreException;
import dev.imagegen.spi.StoredImage;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What both stores share: a copy is a download (retried with doubling waits while the vendor URL lives) followed by
 * {@link #keep}, run on a fixed pool of {@link StoreOptions#threads()} daemon threads ({@code imagegen-store-N});
 * waits between attempts and read timeouts are timers on one daemon thread ({@code imagegen-store-timer}), never a
 * sleeping thread. Copies beyond the pool's size wait in line. Thread-safe.
 */
abstract class CopyingImageStore implements ImageStore {

    private final StoreOptions options;
    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final Downloader downloader;
    private final Set<CompletableFuture<StoredImage>> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    CopyingImageStore(StoreOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.pool = new ThreadPoolExecutor(options.threads(), options.threads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemons("imagegen-store-"));
        this.timer = new ScheduledThreadPoolExecutor(1, daemons("imagegen-store-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.downloader = new Downloader(client, new UrlGuard(options.allowPrivateUrls()), options, timer);
    }

    /** Where the download of the image named {@code stem} writes its temporary file. */
    abstract Path tempDir(String stem);

    /**
     * Puts a finished download in its place, named {@code stem + "." + extension}; runs on a pool thread.
     *
     * @throws ImageStoreException when the store refuses the write
     */
    abstract StoredImage keep(Download download, String stem);

    /** Releases what the subclass holds; called once, after the threads are stopped. */
    abstract void release();

    @Override
    public final CompletionStage<StoredImage> store(String taskId, int index, GeneratedImage image) {
        Objects.requireNonNull(image, "image");
        String stem = ObjectNames.stem(taskId, index);
        CompletableFuture<StoredImage> result = new CompletableFuture<>();
        inFlight.add(result);
        result.whenComplete((stored, error) -> inFlight.remove(result));
        if (closed.get()) {
            result.completeExceptionally(closedFailure());
        } else {
            attempt(1, image, stem, result);
        }
        return result;
    }

    private void attempt(int number, GeneratedImage image, String stem, CompletableFuture<StoredImage> result) {
        try {
            pool.execute(() -> run(number, image, stem, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(closedFailure());
        }
    }

    private void run(int number, GeneratedImage image, String stem, CompletableFuture<StoredImage> result) {
        if (result.isDone()) {
            return;
        }
        Download download = null;
        try {
            download = downloader.fetch(image.url(), tempDir(stem));
            result.complete(keep(download, stem));
        } catch (FetchFailure failure) {
            retryOrFail(number, failure, image, stem, result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(closedFailure());
        } catch (ImageStoreException e) {
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            result.completeExceptionally(new ImageStoreException("the copy failed unexpectedly ("
                    + e.getClass().getSimpleName() + ")", e));
        } finally {
            if (download != null) {
                BodyCopy.deleteQuietly(download.file());
            }
        }
    }

    private void retryOrFail(int number, FetchFailure failure, GeneratedImage image, String stem,
                             CompletableFuture<StoredImage> result) {
        String tried = number == 1 ? "" : " (attempt " + number + " of " + options.attempts() + ")";
        if (!failure.retryable() || number >= options.attempts()) {
            result.completeExceptionally(new ImageStoreException(failure.getMessage() + tried, failure));
            return;
        }
        Duration wait = options.firstBackoff().multipliedBy(1L << Math.min(number - 1, 20));
        if (image.expiresAt() != null && options.clock().instant().plus(wait).isAfter(image.expiresAt())) {
            result.completeExceptionally(new ImageStoreException(failure.getMessage() + tried
                    + "; the vendor URL expires at " + image.expiresAt() + ", before another attempt", failure));
            return;
        }
        try {
            timer.schedule(() -> attempt(number + 1, image, stem, result), wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(closedFailure());
        }
    }

    @Override
    public final void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pool.shutdownNow();
        timer.shutdownNow();
        for (CompletableFuture<StoredImage> copy : inFlight) {
            copy.completeExceptionally(closedFailure());
        }
        release();
    }

    private static ImageStoreException closedFailure() {
        return new ImageStoreException("the image store was closed before the copy finished");
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            String name = prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix;
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
