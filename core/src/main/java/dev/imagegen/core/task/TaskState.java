package dev.imagegen.core.task;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a generation task (immutable, as every enum). Every legal transition is written once, in
 * {@link #next()}:
 *
 * <pre>
 * ACCEPTED ──► SUBMITTED ──► RUNNING ──► SUCCEEDED | FAILED | CANCELLED
 *    │             └──────────────────► SUCCEEDED | FAILED | CANCELLED
 *    └──────────────────────────────► SUCCEEDED | FAILED | CANCELLED   (sync vendors, refusals)
 * </pre>
 *
 * Terminal states are final.
 */
public enum TaskState {
    /** The library took the request: valid, routed or waiting for a provider slot; no vendor has it yet. */
    ACCEPTED,
    /** A vendor accepted it and gave a task id. */
    SUBMITTED,
    /** The vendor reports it is being generated. */
    RUNNING,
    /** Finished with images. */
    SUCCEEDED,
    /** Finished without images; the task says why. */
    FAILED,
    /** Cancelled by the caller. */
    CANCELLED;

    /** The states this one may move to; empty for terminal states. */
    public Set<TaskState> next() {
        return switch (this) {
            case ACCEPTED -> EnumSet.of(SUBMITTED, SUCCEEDED, FAILED, CANCELLED);
            case SUBMITTED -> EnumSet.of(RUNNING, SUCCEEDED, FAILED, CANCELLED);
            case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, CANCELLED);
            case SUCCEEDED, FAILED, CANCELLED -> EnumSet.noneOf(TaskState.class);
        };
    }

    public boolean canMoveTo(TaskState target) {
        return next().contains(target);
    }

    public boolean terminal() {
        return next().isEmpty();
    }
}
