package dev.imagegen.testkit.xenodia;

/** How the simulator answers a valid submit; the two Xenodia doc generations disagree. */
public enum ResponseMode {
    /** The current docs: always a {@code 202} task envelope ({@code async} is accepted and ignored). */
    TASK,
    /** Always {@code 200 {created, data[]}} with the finished image. */
    SYNC,
    /** The older docs: {@code 200 {created, data[]}} unless the request says {@code async: true}, then {@code 202}. */
    LEGACY
}
