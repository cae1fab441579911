package dev.imagegen.core;

import static dev.imagegen.core.fake.FakeProvider.image;
import static dev.imagegen.core.fake.FakeProvider.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.fake.FakeImageStore;
import dev.imagegen.core.fake.FakeProvider;
import dev.imagegen.core.task.InMemoryTaskStore;
import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.core.task.TaskState;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.TaskSnapshot;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Result custody in virtual time: the vendor's images are recorded, copied, and the task ends with the copies. */
class CustodyTest {

    private final ManualScheduler time = new ManualScheduler();
    private final InMemoryTaskStore tasks = new InMemoryTaskStore(Duration.ofDays(7), 10_000, time.clock);
    private final List<TaskEvent> events = new CopyOnWriteArrayList<>();
    private ImageGeneration engine;

    @AfterEach
    void close() {
        if (engine != null) {
            Engines.closeInVirtualTime(engine, time);
        }
    }

    private ImageGeneration start(FakeImageStore images, FakeProvider vendor) {
        engine = Engines.virtual(time).provider(vendor).taskStore(tasks).imageStore(images).listener(events::add)
                .build();
        return engine;
    }

    private static GenerationRequest.Builder request(String id) {
        return GenerationRequest.builder().id(id).model("nano-banana-pro").prompt("a banana pilot");
    }

    private GenerationResult await(GenerationHandle handle) {
        CompletableFuture<GenerationResult> result = handle.result().toCompletableFuture();
        time.advanceUntil(result::isDone, Duration.ofHours(1));
        return result.join();
    }

    @Test
    void a_succeeded_task_carries_the_stored_copy_of_each_image() {
        FakeImageStore images = new FakeImageStore();
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro");
        GenerationHandle handle = start(images, vendor).submit(request("k1").build());

        GenerationResult.Succeeded done = assertInstanceOf(GenerationResult.Succeeded.class, await(handle));
        assertEquals(List.of(image().withStored(FakeImageStore.copyOf("k1", 0))), done.images());
        assertEquals(List.of(new FakeImageStore.Call("k1", 0, image())), images.calls());
        TaskEvent last = events.get(events.size() - 1);
        assertEquals(TaskState.SUCCEEDED, last.status());
        assertEquals(FakeImageStore.copyOf("k1", 0), last.images().get(0).stored());
        assertEquals(List.of(TaskState.ACCEPTED, TaskState.SUBMITTED, TaskState.RUNNING, TaskState.SUCCEEDED),
                events.stream().map(TaskEvent::status).toList(), "the copy adds no event");
        assertEquals(List.of(), tasks.find(handle.id()).orElseThrow().vendorImages());
    }

    @Test
    void the_vendor_s_images_are_saved_with_the_task_before_any_copy_starts() {
        List<Task> savedAtFirstCopy = new CopyOnWriteArrayList<>();
        FakeImageStore images = new FakeImageStore()
                .onCall(call -> savedAtFirstCopy.add(tasks.find(TaskId.of(call.taskId())).orElseThrow()));
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").then(new FakeProvider.Script.Sync());

        assertTrue(await(start(images, vendor).submit(request("k2").build())).succeeded());
        Task saved = savedAtFirstCopy.get(0);
        assertEquals(TaskState.ACCEPTED, saved.state(), "no state change before the images are stored");
        assertEquals(List.of(image()), saved.vendorImages());
        assertFalse(saved.submitInDoubt(), "the vendor's answer is recorded: a restart would not submit again");
    }

    @Test
    void a_failed_copy_still_succeeds_with_the_vendor_url_and_a_warning_naming_the_image_and_why() {
        GeneratedImage first = new GeneratedImage(URI.create("https://images.example/a.png"), null);
        GeneratedImage second = new GeneratedImage(URI.create("https://images.example/b.png"), null);
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro")
                .thenTask(running(), TaskSnapshot.succeeded("done", List.of(first, second), List.of()));
        FakeImageStore images = new FakeImageStore().failing(1, "the image is larger than 52428800 bytes");

        GenerationResult.Succeeded done = assertInstanceOf(GenerationResult.Succeeded.class,
                await(start(images, vendor).submit(request("k3").build())));
        assertEquals(List.of(first.withStored(FakeImageStore.copyOf("k3", 0)), second), done.images());
        assertNull(done.images().get(1).stored());
        assertEquals(List.of("image 1 was not stored (its URL is the vendor's): the image is larger than 52428800"
                + " bytes"), done.warnings());
        assertEquals(1, vendor.submitted().size());
    }

    @Test
    void a_restored_task_with_the_vendor_s_images_copies_them_without_polling_or_submitting() {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro");
        Task before = Task.accept(request("k4").build(), time.now())
                .submitting(ProviderId.of("xenodia"), time.now())
                .submitted(new ProviderTaskRef(ProviderId.of("xenodia"), ModelId.of("nano-banana-pro"), "vendor-9"),
                        time.now())
                .vendorSucceeded(List.of(image()), List.of("the vendor's warning"), time.now());
        tasks.save(before, null);
        FakeImageStore images = new FakeImageStore();

        List<GenerationHandle> resumed = start(images, vendor).host().resumeUnfinished();
        GenerationResult.Succeeded done = assertInstanceOf(GenerationResult.Succeeded.class, await(resumed.get(0)));

        assertEquals(List.of(image().withStored(FakeImageStore.copyOf("k4", 0))), done.images());
        assertEquals(List.of("the vendor's warning"), done.warnings());
        assertEquals(0, vendor.polls());
        assertEquals(List.of(), vendor.submitted());
        assertEquals(1, images.calls().size());
        assertEquals(1, events.stream().filter(TaskEvent::terminal).count());
    }

    @Test
    void a_restored_sync_answer_is_not_a_submit_in_doubt_and_is_copied() {
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro");
        Task before = Task.accept(request("k5").build(), time.now())
                .submitting(ProviderId.of("xenodia"), time.now())
                .vendorSucceeded(List.of(image()), List.of(), time.now());
        tasks.save(before, null);

        GenerationResult.Succeeded done = assertInstanceOf(GenerationResult.Succeeded.class,
                await(start(new FakeImageStore(), vendor).host().resume(before)));
        assertEquals(FakeImageStore.copyOf("k5", 0), done.images().get(0).stored());
        assertEquals(List.of(), vendor.submitted());
        assertEquals("ACCEPTED", tasks.find(done.id()).orElseThrow().attempts().get(0).outcome());
    }

    @Test
    void a_cancel_or_deadline_while_copying_changes_nothing_and_the_task_succeeds() {
        FakeImageStore images = new FakeImageStore().holding();
        FakeProvider vendor = new FakeProvider("xenodia", "nano-banana-pro").then(new FakeProvider.Script.Sync());
        GenerationHandle handle = start(images, vendor).submit(request("k6")
                .deadline(time.now().plusSeconds(5)).build());
        time.runUntilIdle();
        assertEquals(1, images.calls().size());

        CompletableFuture<Boolean> cancelled = engine.host().cancel(handle.id(), "changed my mind")
                .toCompletableFuture();
        time.advance(Duration.ofSeconds(10));
        assertFalse(cancelled.join(), "the outcome is decided: nothing to cancel");
        assertFalse(handle.result().toCompletableFuture().isDone(), "waits for the copy");
        images.answerHeld();

        GenerationResult.Succeeded done = assertInstanceOf(GenerationResult.Succeeded.class, await(handle));
        assertEquals(FakeImageStore.copyOf("k6", 0), done.images().get(0).stored());
        assertEquals(List.of(), done.warnings());
        assertEquals(List.of(), vendor.cancelled());
    }

    @Test
    void closing_the_engine_closes_its_image_store() {
        FakeImageStore images = new FakeImageStore();
        start(images, new FakeProvider("xenodia", "nano-banana-pro"));

        Engines.closeInVirtualTime(engine, time);
        engine = null;
        assertTrue(images.closed());
    }
}
