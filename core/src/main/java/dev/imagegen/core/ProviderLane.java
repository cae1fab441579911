package dev.imagegen.core;

import dev.imagegen.core.policy.PollPolicy;
import dev.imagegen.core.policy.RateGate;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderId;
import java.util.ArrayDeque;
import java.util.Deque;

/** One provider as the driver uses it: its cadence and its caps. Confined to the driver's scheduler thread. */
final class ProviderLane {

    final ImageProvider provider;
    /** The provider's id, read once: a descriptor may be rebuilt on each call (live model discovery). */
    final ProviderId id;
    final PollPolicy pollPolicy;
    final RateGate rateGate;
    private final int maxInFlight;
    private final Deque<RunningTask> waiting = new ArrayDeque<>();
    private int inFlight;

    ProviderLane(ImageProvider provider) {
        this.provider = provider;
        this.id = provider.descriptor().id();
        this.pollPolicy = new PollPolicy(provider.taskSettings());
        this.rateGate = new RateGate(provider.taskSettings().maxRequestsPerSecond());
        this.maxInFlight = provider.taskSettings().maxInFlight();
    }

    boolean hasFreeSlot() {
        return inFlight < maxInFlight;
    }

    /** Takes a slot for the task if one is free; otherwise queues it and returns false. */
    boolean admit(RunningTask task) {
        if (inFlight < maxInFlight) {
            inFlight++;
            task.holdsSlot = true;
            return true;
        }
        waiting.addLast(task);
        return false;
    }

    /** Counts a task that is already at the vendor (resumed after a restart), even beyond the cap. */
    void occupy(RunningTask task) {
        inFlight++;
        task.holdsSlot = true;
    }

    /** Gives back the task's slot, or takes it out of the queue; returns the next waiting task to start, if any. */
    RunningTask leave(RunningTask task) {
        if (task.holdsSlot) {
            task.holdsSlot = false;
            inFlight--;
        } else {
            waiting.remove(task);
        }
        if (inFlight < maxInFlight && !waiting.isEmpty()) {
            RunningTask next = waiting.pollFirst();
            inFlight++;
            next.holdsSlot = true;
            return next;
        }
        return null;
    }

    int inFlight() {
        return inFlight;
    }

    int waiting() {
        return waiting.size();
    }
}
