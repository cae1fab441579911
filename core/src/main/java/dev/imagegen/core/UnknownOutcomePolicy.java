package dev.imagegen.core;

/**
 * What to do with a submit that may or may not have reached the vendor (the process stopped, or the read timed
 * out, after the request was sent). Immutable.
 */
public enum UnknownOutcomePolicy {
    /** End the task FAILED with {@code OUTCOME_UNKNOWN}: never risk generating (and paying) twice. */
    FAIL,
    /** Submit again: never lose a task, at the risk of a second generation. */
    RESUBMIT
}
