package dev.imagegen.core;

import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskStore;
import dev.imagegen.spi.ProviderId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The host operations of an {@link ImageGeneration}, over the same engine. Thread-safe. */
final class EngineHost implements GenerationHost {

    private final ImageGeneration owner;
    private final TaskDriver driver;
    private final TaskStore store;

    EngineHost(ImageGeneration owner, TaskDriver driver, TaskStore store) {
        this.owner = owner;
        this.driver = driver;
        this.store = store;
    }

    @Override
    public GenerationHandle submit(GenerationRequest request) {
        return owner.submit(request);
    }

    @Override
    public GenerationHandle resume(Task task) {
        owner.requireOpen();
        return owner.handle(task.id(), driver.resume(task));
    }

    @Override
    public List<GenerationHandle> resumeUnfinished() {
        List<GenerationHandle> handles = new ArrayList<>();
        for (Task task : store.unfinished()) {
            handles.add(resume(task));
        }
        return handles;
    }

    @Override
    public CompletionStage<Void> release(TaskId id) {
        return driver.release(id);
    }

    @Override
    public CompletionStage<Boolean> cancel(TaskId id, String reason) {
        return driver.cancel(id, reason);
    }

    @Override
    public CompletionStage<CallbackAnswer> onCallback(ProviderId provider, String token, byte[] body) {
        return driver.onCallback(provider, token, body);
    }

    @Override
    public Optional<Task> find(TaskId id) {
        return store.find(id);
    }

    @Override
    public int inFlight() {
        return driver.inFlight();
    }
}
