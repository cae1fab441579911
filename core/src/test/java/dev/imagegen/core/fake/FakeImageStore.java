package dev.imagegen.core.fake;

import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ImageStore;
import dev.imagegen.spi.ImageStoreException;
import dev.imagegen.spi.StoredImage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An image store for the core's tests: each copy answers at once with {@link #copyOf} (or fails for the indexes
 * told to), or is held until {@link #answerHeld()}; records every call. Thread-safe.
 */
public final class FakeImageStore implements ImageStore {

    /** One call to {@link #store}. */
    public record Call(String taskId, int index, GeneratedImage image) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<Integer, String> failures = new ConcurrentHashMap<>();
    private final List<Runnable> held = new CopyOnWriteArrayList<>();
    private volatile boolean holding;
    private volatile Consumer<Call> onCall = call -> { };
    private volatile boolean closed;

    /** The copy this store makes of a task's image. */
    public static StoredImage copyOf(String taskId, int index) {
        return new StoredImage(URI.create("file:///store/" + taskId + "/" + index + ".png"), "ab".repeat(32), 1234,
                "image/png");
    }

    /** Copies of the image at {@code index} fail with this reason. */
    public FakeImageStore failing(int index, String reason) {
        failures.put(index, reason);
        return this;
    }

    /** Copies are held unanswered until {@link #answerHeld()}. */
    public FakeImageStore holding() {
        holding = true;
        return this;
    }

    /** Runs when a copy is asked for (to observe what was saved first). */
    public FakeImageStore onCall(Consumer<Call> hook) {
        onCall = hook;
        return this;
    }

    public void answerHeld() {
        holding = false;
        held.forEach(Runnable::run);
        held.clear();
    }

    public List<Call> calls() {
        return calls;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public CompletionStage<StoredImage> store(String taskId, int index, GeneratedImage image) {
        Call call = new Call(taskId, index, image);
        calls.add(call);
        onCall.accept(call);
        CompletableFuture<StoredImage> answer = new CompletableFuture<>();
        Runnable reply = () -> {
            String reason = failures.get(index);
            if (reason != null) {
                answer.completeExceptionally(new ImageStoreException(reason));
            } else {
                answer.complete(copyOf(taskId, index));
            }
        };
        if (holding) {
            held.add(reply);
        } else {
            reply.run();
        }
        return answer;
    }

    @Override
    public String describe() {
        return "fake store";
    }

    @Override
    public void close() {
        closed = true;
    }
}
