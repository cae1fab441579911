package dev.imagegen.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.imagegen.testkit.LoopbackServer;
import dev.imagegen.testkit.TestImages;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server of image sources, good and bad: real PNG, JPEG and WebP; a non-image behind an image
 * header; bodies over a limit (declared and streamed); redirect chains; redirects to refused places; a 503 before a
 * 200; a server that stalls; a 404; an empty body. Counts the requests each path received.
 */
final class ImageSources implements AutoCloseable {

    static final byte[] PNG = TestImages.png(64, 48, Color.ORANGE);
    static final byte[] JPEG = TestImages.jpeg(64, 48, Color.GREEN);
    static final byte[] WEBP = TestImages.webp();
    static final int OVERSIZE = 200_000;

    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger failuresBeforeSuccess = new AtomicInteger();
    private final LoopbackServer server;

    ImageSources() {
        server = LoopbackServer.start(Map.ofEntries(
                Map.entry("/png", image(PNG)),
                Map.entry("/jpeg", image(JPEG)),
                Map.entry("/webp", image(WEBP)),
                Map.entry("/html", counted(x -> LoopbackServer.respond(x, 200, "image/png",
                        "<html><body>not an image</body></html>".getBytes(StandardCharsets.UTF_8), Map.of()))),
                Map.entry("/empty", counted(x -> LoopbackServer.respond(x, 200, "image/png", new byte[0], Map.of()))),
                Map.entry("/oversize-declared", image(padded(OVERSIZE))),
                Map.entry("/oversize-streamed", counted(this::streamOversize)),
                Map.entry("/hop/", counted(this::hop)),
                Map.entry("/to-file", redirect("file:///etc/passwd")),
                Map.entry("/to-internal", redirect("http://internal.test/secret.png")),
                Map.entry("/no-location", counted(x -> LoopbackServer.respond(x, 302, null, new byte[0], Map.of()))),
                Map.entry("/flaky", counted(this::flaky)),
                Map.entry("/stall-body", counted(this::stallBody)),
                Map.entry("/stall-headers", counted(x -> awaitRelease())),
                Map.entry("/missing", counted(x -> LoopbackServer.respond(x, 404, "text/plain",
                        "gone".getBytes(StandardCharsets.UTF_8), Map.of())))), 8);
    }

    /** {@code http://127.0.0.1:<port><path>} with a query that stands for a vendor's signature. */
    URI url(String path) {
        return URI.create(server.baseUrl() + path + "?X-Signature=s3cr3t-signature");
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** {@code /flaky} answers 503 this many times before it serves a PNG. */
    void failFlakyTimes(int times) {
        failuresBeforeSuccess.set(times);
    }

    private HttpHandler image(byte[] body) {
        return counted(x -> LoopbackServer.respond(x, 200, "application/octet-stream", body, Map.of()));
    }

    private HttpHandler redirect(String location) {
        return counted(x -> LoopbackServer.respond(x, 302, null, new byte[0], Map.of("Location", location)));
    }

    private HttpHandler counted(HttpHandler handler) {
        return exchange -> {
            hits.computeIfAbsent(exchange.getHttpContext().getPath(), p -> new AtomicInteger()).incrementAndGet();
            handler.handle(exchange);
        };
    }

    /** {@code /hop/N} redirects to {@code /hop/N-1} (relative), {@code /hop/0} serves a PNG. */
    private void hop(HttpExchange exchange) throws IOException {
        int n = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
        if (n == 0) {
            LoopbackServer.respond(exchange, 200, "image/png", PNG, Map.of());
        } else {
            LoopbackServer.respond(exchange, 307, null, new byte[0], Map.of("Location", "/hop/" + (n - 1)));
        }
    }

    private void flaky(HttpExchange exchange) throws IOException {
        if (failuresBeforeSuccess.getAndDecrement() > 0) {
            LoopbackServer.respond(exchange, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8), Map.of());
        } else {
            LoopbackServer.respond(exchange, 200, "image/png", PNG, Map.of());
        }
    }

    /** No Content-Length: the body is a PNG head and then more bytes than any test's limit. */
    private void streamOversize(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(padded(OVERSIZE));
        } catch (IOException e) {
            // the client hung up at its limit
        }
    }

    /** Headers and the first bytes of a PNG, then nothing until the server closes. */
    private void stallBody(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, PNG.length);
        OutputStream out = exchange.getResponseBody();
        out.write(PNG, 0, 100);
        out.flush();
        awaitRelease();
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] padded(int size) {
        byte[] body = Arrays.copyOf(PNG, size);
        return body;
    }

    @Override
    public void close() {
        released.countDown();
        server.close();
    }
}
