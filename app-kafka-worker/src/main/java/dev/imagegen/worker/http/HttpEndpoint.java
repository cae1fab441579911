package dev.imagegen.worker.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.imagegen.core.CallbackRoutes;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.worker.WorkerMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The worker's own HTTP endpoint: {@code /health/live}, {@code /health/ready}, {@code /metrics} (Prometheus text)
 * and vendor callbacks at {@code POST /callbacks/{provider}/{token}} (200 when the callback was acted on here or handed
 * to the worker that drives its task, 404 for a token no worker of the group made, 503 when it could not be handed
 * on: the vendor retries). Binds only the configured address (loopback by default).
 */
public final class HttpEndpoint implements AutoCloseable {

    /** Where vendor callbacks go: completes with the HTTP status to answer. */
    @FunctionalInterface
    public interface Callbacks {
        CompletionStage<Integer> onCallback(ProviderId provider, String token, byte[] body);
    }

    /** How long a callback waits for the engine to match it before it is answered 503 (the vendor retries). */
    static final Duration CALLBACK_WAIT = Duration.ofSeconds(5);

    static final int MAX_CALLBACK_BYTES = 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static HttpEndpoint start(String address, int port, BooleanSupplier ready, WorkerMetrics metrics,
                                     Callbacks callbacks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 64);
            server.createContext("/health/live", ex -> text(ex, 200, "live\n"));
            server.createContext("/health/ready", ex -> {
                boolean ok = ready.getAsBoolean();
                text(ex, ok ? 200 : 503, ok ? "ready\n" : "not ready\n");
            });
            server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape().getBytes(StandardCharsets.UTF_8)));
            server.createContext(CallbackRoutes.PREFIX, ex -> callback(ex, callbacks));
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "imagegen-http");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.start();
            return new HttpEndpoint(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void callback(HttpExchange ex, Callbacks callbacks) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            text(ex, 405, "POST only\n");
            return;
        }
        String[] parts = ex.getRequestURI().getPath().substring(CallbackRoutes.PREFIX.length()).split("/", -1);
        byte[] body = readBody(ex.getRequestBody());
        int status = 404;
        if (parts.length == 2 && body != null && ProviderId.isValid(parts[0])) {
            try {
                status = callbacks.onCallback(ProviderId.of(parts[0]), parts[1], body).toCompletableFuture()
                        .get(CALLBACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                text(ex, 503, "shutting down\n");
                return;
            } catch (ExecutionException | TimeoutException e) {
                text(ex, 503, "try again\n");
                return;
            }
        }
        text(ex, status, status == 200 ? "ok\n" : status == 404 ? "no such task\n" : "try again\n");
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_CALLBACK_BYTES + 1);
        return body.length > MAX_CALLBACK_BYTES ? null : body;
    }

    private static void text(HttpExchange ex, int status, String body) throws IOException {
        respond(ex, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
