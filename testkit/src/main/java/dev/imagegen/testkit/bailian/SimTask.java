package dev.imagegen.testkit.bailian;

import java.time.Instant;

/**
 * A task the simulator accepted. Its state is a function of the time since creation and the instructions in force
 * when it was submitted, so no timer or thread is needed per task.
 */
record SimTask(String id, String model, int n, long createdNanos, Instant createdAt, String failCode,
               String pinnedState, int failedImages, boolean canceled) {

    String stateAt(long nowNanos, long pendingNanos, long runningNanos) {
        if (pinnedState != null) {
            return pinnedState;
        }
        if (canceled) {
            return "CANCELED";
        }
        long elapsed = nowNanos - createdNanos;
        if (elapsed < pendingNanos) {
            return "PENDING";
        }
        if (elapsed < pendingNanos + runningNanos) {
            return "RUNNING";
        }
        return failCode != null || failedImages >= n ? "FAILED" : "SUCCEEDED";
    }

    SimTask cancel() {
        return new SimTask(id, model, n, createdNanos, createdAt, failCode, pinnedState, failedImages, true);
    }
}
