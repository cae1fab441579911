package dev.imagegen.spi;

/** A vendor task's state, mapped from the vendor's own words by the adapter. Immutable (an enum).*/
public enum ProviderTaskState {
    /** Accepted, waiting for capacity. */
    QUEUED,
    /** Being generated. */
    RUNNING,
    /** Finished with at least one image. */
    SUCCEEDED,
    /** Finished without images; the snapshot says why. */
    FAILED,
    /** The vendor answered with a state the adapter does not know; the core keeps polling within its bounds. */
    UNKNOWN;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
