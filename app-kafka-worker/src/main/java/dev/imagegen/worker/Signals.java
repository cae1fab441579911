package dev.imagegen.worker;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT start a graceful drain instead of the JVM's shutdown, so that {@code main} finishes the drain
 * and exits 0 on its own.
 */
final class Signals {

    private Signals() {
    }

    static void onStop(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException e) {
                // the platform does not have this signal
            }
        }
    }
}
