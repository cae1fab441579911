package dev.imagegen.testkit.bailian;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** What the simulator was told to do, read by every request. Thread-safe. */
final class SimInstructions {

    final AtomicReference<Injected> nextSubmitFailure = new AtomicReference<>();
    final AtomicReference<Injected> nextPollFailure = new AtomicReference<>();
    volatile String failCode;
    volatile String pinnedState;
    volatile int failedImages;
    volatile BailianSimulator.ErrorShape errorShape = BailianSimulator.ErrorShape.ENVELOPE;
    volatile Duration submitDelay = Duration.ZERO;

    void reset() {
        nextSubmitFailure.set(null);
        nextPollFailure.set(null);
        failCode = null;
        pinnedState = null;
        failedImages = 0;
        errorShape = BailianSimulator.ErrorShape.ENVELOPE;
        submitDelay = Duration.ZERO;
    }

    /** An error the next call is told to answer with; {@code envelopeMessage} set means HTTP 200 success:false. */
    record Injected(int status, String code, Integer retryAfter, String envelopeMessage) {
    }
}
