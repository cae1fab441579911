package dev.imagegen.bench.embedded;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.ImageGeneration;
import dev.imagegen.core.task.InMemoryTaskStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One million tasks through the embedded API against an instant vendor, with the default (bounded) task store, at
 * most {@code window} in flight; prints the throughput and the heap held after a full GC at the end. With
 * {@code unbounded}, the store keeps every finished task (as the store did before it was bounded), for comparison.
 * Stops by itself.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.imagegen.bench.embedded.EmbeddedMillion [tasks] [window] [unbounded]</pre>
 */
public final class EmbeddedMillion {

    private EmbeddedMillion() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        boolean unbounded = args.length > 2 && args[2].equals("unbounded");
        InMemoryTaskStore store = new InMemoryTaskStore(InMemoryTaskStore.DEFAULT_RETENTION,
                unbounded ? Integer.MAX_VALUE : InMemoryTaskStore.DEFAULT_MAX_FINISHED, Clock.systemUTC());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        InstantVendor vendor = new InstantVendor();
        Semaphore inFlight = new Semaphore(window);
        LongAdder succeeded = new LongAdder();
        LongAdder other = new LongAdder();
        AtomicReference<Object> firstOther = new AtomicReference<>();
        long peakUsed = 0;
        long start = System.nanoTime();
        try (ImageGeneration images = ImageGeneration.builder().provider(vendor).taskStore(store).build()) {
            for (int i = 0; i < tasks; i++) {
                inFlight.acquire();
                images.generateAsync(GenerationRequest.builder().id("bench-" + i).model("nano-banana-pro")
                        .prompt("a banana pilot on a neon runway, number " + i).build())
                        .whenComplete((result, error) -> {
                            boolean ok = error == null && result.succeeded();
                            (ok ? succeeded : other).increment();
                            if (!ok) {
                                firstOther.compareAndSet(null, error != null ? error : result);
                            }
                            inFlight.release();
                        });
                if ((i & 0xFFFF) == 0) {
                    peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
                }
            }
            inFlight.acquire(window);
            long elapsed = System.nanoTime() - start;
            long afterGc = heapAfterFullGc(memory);
            System.out.printf("embedded engine, instant vendor, %s store: %,d tasks, at most %,d in flight%n",
                    unbounded ? "an unbounded" : "the default (bounded)", tasks, window);
            System.out.printf("  succeeded %,d, other %,d, vendor submits %,d%n", succeeded.sum(), other.sum(),
                    vendor.submits());
            if (firstOther.get() != null) {
                System.out.println("  first task that did not succeed: " + firstOther.get());
            }
            System.out.printf("  %.1f s, %,.0f tasks/s%n", elapsed / 1e9, tasks / (elapsed / 1e9));
            System.out.printf("  heap used: sampled peak %d MB; after a full GC at the end %.1f MB (aim: < 64 MB)%n",
                    peakUsed >> 20, afterGc / 1048576.0);
            System.out.printf("  tasks the store holds at the end: %,d%n", store.size());
        }
    }

    private static long heapAfterFullGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
