package dev.imagegen.testkit.xenodia;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What the simulator was told to do, and what it observed; shared by its controls and its endpoints. */
final class SimState {

    /** An error answer queued for the next call. */
    record Injected(int status, String code, Integer retryAfterSeconds) {
    }

    final Queue<Injected> submitFailures = new ConcurrentLinkedQueue<>();
    final Queue<Injected> pollFailures = new ConcurrentLinkedQueue<>();
    final AtomicReference<Duration> submitStall = new AtomicReference<>();
    final AtomicReference<Duration> pollStall = new AtomicReference<>();
    final AtomicReference<Duration> discoveryStall = new AtomicReference<>();
    volatile String pinnedState;
    volatile String pollUrlFormat;
    final AtomicReference<String> lastStatusCall = new AtomicReference<>();
    volatile String failCode;
    volatile ResponseMode mode;
    volatile boolean discoveryDown;
    volatile boolean echoPresentedKey;
    volatile boolean reportBilling;
    volatile Map<String, SimulatedModel> models;

    final ConcurrentLinkedDeque<ReceivedSubmit> received = new ConcurrentLinkedDeque<>();
    private final AtomicInteger receivedCount = new AtomicInteger();
    final AtomicLong submitCalls = new AtomicLong();
    final AtomicLong pollCalls = new AtomicLong();
    final AtomicLong modelCalls = new AtomicLong();
    final AtomicLong fileCalls = new AtomicLong();

    private final SimulatorOptions options;

    SimState(SimulatorOptions options) {
        this.options = options;
        reset();
    }

    void reset() {
        submitFailures.clear();
        pollFailures.clear();
        submitStall.set(null);
        pollStall.set(null);
        discoveryStall.set(null);
        pinnedState = null;
        pollUrlFormat = null;
        lastStatusCall.set(null);
        failCode = null;
        mode = options.responseMode();
        discoveryDown = false;
        echoPresentedKey = false;
        reportBilling = true;
        serve(SimulatedModel.defaults());
        received.clear();
        receivedCount.set(0);
        submitCalls.set(0);
        pollCalls.set(0);
        modelCalls.set(0);
        fileCalls.set(0);
    }

    void serve(List<SimulatedModel> served) {
        Map<String, SimulatedModel> byId = new LinkedHashMap<>();
        served.forEach(m -> byId.put(m.id(), m));
        models = Collections.unmodifiableMap(byId);
    }

    void record(ReceivedSubmit submit) {
        if (options.recordLimit() == 0) {
            return;
        }
        received.addLast(submit);
        if (receivedCount.incrementAndGet() > options.recordLimit()) {
            received.pollFirst();
            receivedCount.decrementAndGet();
        }
    }

    Counters counters() {
        return new Counters(submitCalls.get(), pollCalls.get(), modelCalls.get(), fileCalls.get());
    }

    /** Waits out a stall that was asked for the next call, once. */
    static void stall(AtomicReference<Duration> stall) {
        Duration delay = stall.getAndSet(null);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
