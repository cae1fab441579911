package dev.imagegen.worker;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * Lets G1's heap follow what the worker holds when nobody sized it. Without flags the JVM starts with a heap of a
 * 64th of the machine's memory and lets G1 keep up to 70 % of it free, so a worker holding 50 MB sat at 400+ MB
 * resident after a burst. A jar cannot give itself {@code -Xmx}, but G1's free ratios are manageable at run time:
 * with {@code MinHeapFreeRatio=10} and {@code MaxHeapFreeRatio=30} and one full collection at start, the heap
 * shrinks to about what is live and grows only as G1's own GC-time goal asks. After a burst G1 gives the memory
 * back at its next concurrent cycle; {@code G1PeriodicGCInterval} (also manageable) starts one after a minute
 * without any collection, so an idle worker returns to what it holds.
 *
 * <p>Only when the heap is left to the JVM: any heap flag from the user (a size, a RAM percentage, a free ratio) or
 * a collector other than G1 leaves everything as it is.
 */
final class HeapSizing {

    static final int MIN_FREE_PERCENT = 10;
    static final int MAX_FREE_PERCENT = 30;
    /** A concurrent cycle after this long without a collection (G1PeriodicGCInterval, ms), when not set. */
    static final long PERIODIC_GC_MILLIS = 60_000;

    /** The flags through which a user sizes the heap; one set by anyone but the JVM itself keeps our hands off. */
    static final List<String> SIZING_FLAGS = List.of("MaxHeapSize", "InitialHeapSize", "MinHeapSize",
            "MaxRAMPercentage", "MinRAMPercentage", "InitialRAMPercentage", "MaxRAM", "MinHeapFreeRatio",
            "MaxHeapFreeRatio", "SoftMaxHeapSize");

    private HeapSizing() {
    }

    /** What {@link #apply()} found: the reason it left the heap alone, or the change it made. */
    record Outcome(boolean applied, String description) {
    }

    /** Applies the free ratios and collects once, when the heap is the JVM's default; says what it did. */
    static Outcome apply() {
        HotSpotDiagnosticMXBean vm;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            return new Outcome(false, "heap left as the JVM sized it: no HotSpot diagnostic bean (" + e + ")");
        }
        if (vm == null) {
            return new Outcome(false, "heap left as the JVM sized it: no HotSpot diagnostic bean");
        }
        Optional<String> reason = reasonToLeave(vm);
        if (reason.isPresent()) {
            return new Outcome(false, "heap left as sized: " + reason.get());
        }
        vm.setVMOption("MinHeapFreeRatio", Integer.toString(MIN_FREE_PERCENT));
        vm.setVMOption("MaxHeapFreeRatio", Integer.toString(MAX_FREE_PERCENT));
        VMOption periodic = option(vm, "G1PeriodicGCInterval");
        if (periodic != null && periodic.isWriteable() && periodic.getOrigin() == VMOption.Origin.DEFAULT) {
            vm.setVMOption("G1PeriodicGCInterval", Long.toString(PERIODIC_GC_MILLIS));
        }
        System.gc();
        return new Outcome(true, "no heap flags given: G1 keeps " + MIN_FREE_PERCENT + "-" + MAX_FREE_PERCENT
                + " % of the heap free (MinHeapFreeRatio, MaxHeapFreeRatio), the heap starts from what is live and "
                + "shrinks again after a minute without a collection (G1PeriodicGCInterval); any heap flag (-Xmx, "
                + "-Xms, -XX:MaxRAMPercentage, ...) turns this off");
    }

    /** Why the heap is not ours to size, if it is not. */
    static Optional<String> reasonToLeave(HotSpotDiagnosticMXBean vm) {
        VMOption g1 = option(vm, "UseG1GC");
        if (g1 == null || !"true".equals(g1.getValue())) {
            return Optional.of("the collector is not G1");
        }
        for (String flag : SIZING_FLAGS) {
            VMOption option = option(vm, flag);
            if (option != null && option.getOrigin() != VMOption.Origin.DEFAULT
                    && option.getOrigin() != VMOption.Origin.ERGONOMIC) {
                return Optional.of("-XX:" + flag + " was given (" + option.getOrigin() + ")");
            }
        }
        VMOption minFree = option(vm, "MinHeapFreeRatio");
        VMOption maxFree = option(vm, "MaxHeapFreeRatio");
        if (minFree == null || !minFree.isWriteable() || maxFree == null || !maxFree.isWriteable()) {
            return Optional.of("this JVM cannot change G1's free ratios at run time");
        }
        return Optional.empty();
    }

    private static VMOption option(HotSpotDiagnosticMXBean vm, String name) {
        try {
            return vm.getVMOption(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
