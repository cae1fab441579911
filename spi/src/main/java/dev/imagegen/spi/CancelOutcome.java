package dev.imagegen.spi;

/**
 * What asking a vendor to cancel a task came to. The worker reports it as an event's {@code vendorCancellation};
 * every value but {@link #CANCELLED} and {@link #TOO_LATE} means the vendor task may still run and bill.
 * Immutable (an enum).
 */
public enum CancelOutcome {
    /** The vendor confirmed the task is cancelled. */
    CANCELLED,
    /** The vendor offers no cancel for this task (none at all, or none in the state the task is in). */
    NOT_SUPPORTED,
    /** The task had already finished at the vendor. */
    TOO_LATE,
    /** The cancel call failed (network, the vendor's error, or an answer that says neither yes nor no). */
    FAILED;

    /** Whether the vendor task may still be running (and billing) after this outcome. */
    public boolean mayStillRun() {
        return this == NOT_SUPPORTED || this == FAILED;
    }
}
