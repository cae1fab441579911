package dev.imagegen.core;

import java.util.Objects;

/**
 * What the engine made of a vendor's callback. Immutable.
 *
 * @param verdict what it came to
 * @param task    the task the callback's token names, or null when the token is not one this engine's secret made
 */
public record CallbackAnswer(Verdict verdict, TaskId task) {

    /** What a callback came to. */
    public enum Verdict {
        /** The token and the vendor task id match a task driven here: it is polled at once. */
        POLLED,
        /** The token is genuine but this engine does not drive its task (another process does, or it is over). */
        NOT_HERE,
        /** The token is forged or not this provider's, or the body names another vendor task: ignore it (4xx). */
        REFUSED
    }

    public CallbackAnswer {
        Objects.requireNonNull(verdict, "verdict");
        if (verdict != Verdict.REFUSED) {
            Objects.requireNonNull(task, "task");
        }
    }

    static CallbackAnswer refused() {
        return new CallbackAnswer(Verdict.REFUSED, null);
    }
}
