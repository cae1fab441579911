package dev.imagegen.worker.it;

import com.sun.net.httpserver.HttpExchange;
import dev.imagegen.testkit.LoopbackServer;
import dev.imagegen.testkit.TestImages;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Result images on 127.0.0.1: every path under {@code /images/} answers one real PNG; in stalling mode the first
 * request of each path gets no answer at all (until {@link #close()}), as a vendor's CDN that hangs. Records each
 * request's path.
 */
final class ImageServer implements AutoCloseable {

    static final byte[] PNG = TestImages.png(48, 32, Color.MAGENTA);

    private final boolean stallFirst;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final LoopbackServer server;

    ImageServer(boolean stallFirst) {
        this.stallFirst = stallFirst;
        this.server = LoopbackServer.start(Map.of("/images/", this::answer), 8);
    }

    URI baseUrl() {
        return server.baseUrl();
    }

    /** How many requests a path whose name contains {@code part} received. */
    long requestsFor(String part) {
        return requests.stream().filter(path -> path.contains(part)).count();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean first;
        synchronized (requests) {
            first = !requests.contains(path);
            requests.add(path);
        }
        if (stallFirst && first) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        LoopbackServer.respond(exchange, 200, "image/png", PNG, Map.of());
    }

    @Override
    public void close() {
        closing.countDown();
        server.close();
    }
}
