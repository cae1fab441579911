package dev.imagegen.testkit.xenodia;

/**
 * Calls the simulator received per endpoint, refused ones included.
 *
 * @param submits  {@code POST /v1/images/generations}
 * @param polls    {@code GET /v1/tasks/{id}}
 * @param models   {@code GET /v1/models}
 * @param files    result image downloads
 */
public record Counters(long submits, long polls, long models, long files) {
}
