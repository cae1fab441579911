package dev.imagegen.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.Requests;
import dev.imagegen.core.TaskId;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderFailure;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryTaskStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    private static Task task(String id) {
        GenerationRequest request = Requests.aRequest("nano-banana-pro").id(id).build();
        return Task.accept(request, T0);
    }

    @Test
    void keeps_the_latest_state_of_each_task() {
        InMemoryTaskStore store = new InMemoryTaskStore();
        Task accepted = task("a");
        Task failed = accepted.failed(new ProviderFailure(ErrorCode.TIMEOUT, null, "late"), T0);

        store.save(accepted, TaskEvent.of(accepted)).toCompletableFuture().join();
        store.save(failed, TaskEvent.of(failed)).toCompletableFuture().join();

        assertEquals(Optional.of(failed), store.find(TaskId.of("a")));
        assertEquals(1, store.size());
        assertEquals(Optional.empty(), store.find(TaskId.of("b")));
    }

    @Test
    void lists_unfinished_tasks_and_forgets_finished_ones_on_request() {
        InMemoryTaskStore store = new InMemoryTaskStore();
        Task open = task("open");
        Task done = task("done").cancelled(null, null, T0);
        store.save(open, null);
        store.save(done, TaskEvent.of(done));

        assertEquals(List.of(open), store.unfinished());
        assertEquals(1, store.forgetFinished());
        assertEquals(1, store.size());
        assertEquals(Optional.empty(), store.find(TaskId.of("done")));
    }
}
