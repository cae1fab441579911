package dev.imagegen.worker.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What {@code submit} shows while it follows a command: on a terminal one line rewritten in place (a bar when the
 * vendor reports progress), otherwise one plain line per event. Not thread-safe.
 */
final class Progress {

    private static final int BAR = 20;

    private final PrintStream err;
    private final boolean terminal;
    private final long started = System.nanoTime();

    Progress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    void event(Map<?, ?> event) {
        String line = describe(event, (System.nanoTime() - started) / 1_000_000_000L);
        if (terminal) {
            err.print("\r\033[2K" + line);
            if (Boolean.TRUE.equals(event.get("terminal"))) {
                err.println();
            }
        } else {
            err.println("imagegen: " + line);
        }
        err.flush();
    }

    /** A message of its own, on a line of its own. */
    void note(String message) {
        err.println("imagegen: " + message);
    }

    String describe(Map<?, ?> event, long seconds) {
        StringBuilder line = new StringBuilder();
        if (terminal && event.get("progress") instanceof Long percent) {
            int filled = (int) Math.max(0, Math.min(BAR, percent * BAR / 100));
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ");
        }
        line.append(event.get("status"));
        if (event.get("progress") instanceof Long percent) {
            line.append(' ').append(percent).append('%');
        }
        if (event.get("provider") != null) {
            line.append(" at ").append(event.get("provider"));
        }
        if (event.get("model") != null) {
            line.append(" (").append(event.get("model")).append(')');
        }
        if (event.get("error") instanceof Map<?, ?> error) {
            line.append(": ").append(error.get("code")).append(' ').append(error.get("message"));
        }
        return line.append(", ").append(seconds).append(" s").toString();
    }
}
