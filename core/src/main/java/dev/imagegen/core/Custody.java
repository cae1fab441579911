package dev.imagegen.core;

import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ImageStoreException;
import dev.imagegen.spi.StoredImage;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Result custody: a task the vendor finished ends SUCCEEDED once its images are copied into the image store. The
 * vendor's images are first saved with the task (its state unchanged, no event), so that a restart copies them
 * again instead of calling the vendor; then each image is copied; then the task ends with the copies attached. A
 * copy that fails leaves that image with the vendor's URL only and adds a warning naming the image and why; it never
 * fails the task. Once the vendor reported success the outcome is decided: a cancel or a deadline that comes while
 * the images are copied is not acted on. Confined to the engine's thread.
 */
final class Custody {

    private final Engine e;
    private Ending ending;

    Custody(Engine engine) {
        this.e = engine;
    }

    void wire(Ending ending) {
        this.ending = ending;
    }

    /** The vendor finished the task with these images (a status call, or a synchronous vendor's answer). */
    void vendorSucceeded(RunningTask rt, List<GeneratedImage> images, List<String> warnings) {
        if (e.images == null) {
            ending.finish(rt, rt.task.succeeded(images, warnings, e.now()));
            return;
        }
        rt.task = rt.task.vendorSucceeded(images, warnings, e.now());
        hold(rt);
        e.whenAnswered(rt, e.persist(rt.task, false), (ok, error) -> {
            if (error != null) {
                Engine.LOG.log(Level.WARNING, "the task store failed to save the vendor's images of task "
                        + rt.task.id() + " before copying them; copying anyway", error);
            }
            copyAll(rt);
        });
    }

    /** A task restored with the vendor's images recorded: copies them, with no vendor call. */
    void resume(RunningTask rt) {
        if (e.images == null) {
            ending.finish(rt, rt.task.succeeded(rt.task.vendorImages(), List.of(), e.now()));
            return;
        }
        hold(rt);
        copyAll(rt);
    }

    /** Nothing but the copies acts on the task from now on; its provider slot is given back. */
    private void hold(RunningTask rt) {
        rt.copying = true;
        e.cancelTimer(rt);
        ending.leaveLane(rt);
    }

    private void copyAll(RunningTask rt) {
        List<GeneratedImage> images = rt.task.vendorImages();
        Copies copies = new Copies(images.size());
        for (int i = 0; i < images.size(); i++) {
            int index = i;
            CompletionStage<StoredImage> copy = TracedCall.run(e, rt, Tracing.DOWNLOAD,
                    () -> e.images.store(rt.task.id().value(), index, images.get(index)),
                    stored -> stored == null ? Tracing.INTERNAL_ERROR : null);
            e.whenAnswered(rt, copy, (stored, error) -> {
                copies.answered(index, stored, error == null ? null : reason(error));
                if (copies.left == 0) {
                    finish(rt, copies);
                }
            });
        }
    }

    private void finish(RunningTask rt, Copies copies) {
        List<GeneratedImage> images = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<GeneratedImage> vendor = rt.task.vendorImages();
        for (int i = 0; i < vendor.size(); i++) {
            if (copies.stored[i] != null) {
                images.add(vendor.get(i).withStored(copies.stored[i]));
            } else {
                images.add(vendor.get(i));
                warnings.add("image " + i + " was not stored (its URL is the vendor's): " + copies.failures[i]);
            }
        }
        ending.finish(rt, rt.task.succeeded(images, warnings, e.now()));
    }

    /** The store's reason, fit for a warning; an unexpected failure is logged and named by its type only. */
    private static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ImageStoreException failure) {
            return failure.getMessage();
        }
        Engine.LOG.log(Level.WARNING, "the image store failed unexpectedly", cause);
        return "the image store failed unexpectedly (" + cause.getClass().getSimpleName() + ")";
    }

    /** The answers of one task's copies, by image index. */
    private static final class Copies {
        final StoredImage[] stored;
        final String[] failures;
        int left;

        Copies(int count) {
            stored = new StoredImage[count];
            failures = new String[count];
            left = count;
        }

        void answered(int index, StoredImage copy, String failure) {
            stored[index] = failure == null ? copy : null;
            failures[index] = failure == null && copy == null ? "the image store answered without a copy" : failure;
            left--;
        }
    }
}
