package dev.imagegen.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK HTTP server on 127.0.0.1 and a free port, for vendor simulators. Never binds another interface.
 * Closing it stops the server and its threads.
 */
public final class LoopbackServer implements AutoCloseable {

    static {
        // Two settings of the JDK's HTTP server that no real vendor's front has, set unless the JVM sets them itself
        // (they are read once, when the JDK's server is first used):
        // - it writes a response's headers and body in two writes; without TCP_NODELAY, Nagle's algorithm and the
        //   client's delayed ACK hold the body back ~40 ms;
        // - past 200 idle keep-alive connections it closes each connection right after its response, without a
        //   "Connection: close" header, so a client that reuses that connection for its next request sees it closed
        //   before any answer: under a burst, 616 of 100,000 submits ended OUTCOME_UNKNOWN that way (the simulator
        //   never saw them).
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        System.setProperty("sun.net.httpserver.maxIdleConnections",
                System.getProperty("sun.net.httpserver.maxIdleConnections", "100000"));
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts a server with one handler per path prefix (the JDK's longest-prefix match).
     *
     * @param threads how many requests it serves at once
     */
    public static LoopbackServer start(Map<String, HttpHandler> handlers, int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            handlers.forEach(server::createContext);
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "simulator-http");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.start();
            return new LoopbackServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Writes a whole response and closes the exchange. */
    public static void respond(HttpExchange exchange, int status, String contentType, byte[] body,
                               Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** Writes a JSON response and closes the exchange. */
    public static void json(HttpExchange exchange, int status, String json) throws IOException {
        respond(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Reads the whole request body. */
    public static byte[] body(HttpExchange exchange) throws IOException {
        return exchange.getRequestBody().readAllBytes();
    }
}
