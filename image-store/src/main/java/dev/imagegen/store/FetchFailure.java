package dev.imagegen.store;

/**
 * Why one download attempt failed, and whether another attempt may succeed. Its message names the host at most,
 * never a path or query string (vendor URLs carry signatures there).
 */
final class FetchFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    private FetchFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause, false, false);
        this.retryable = retryable;
    }

    /** A failure another attempt would repeat (refused address, not an image, too large, 404). */
    static FetchFailure fatal(String message) {
        return new FetchFailure(message, false, null);
    }

    /** A failure of the moment (a 5xx, a timeout, a broken connection). */
    static FetchFailure transientFailure(String message, Throwable cause) {
        return new FetchFailure(message, true, cause);
    }

    boolean retryable() {
        return retryable;
    }
}
