package dev.imagegen.worker.it;

import com.sun.net.httpserver.HttpExchange;
import dev.imagegen.testkit.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One public callback URL on 127.0.0.1 in front of several workers, as a load balancer: each callback is forwarded
 * to the next live worker in turn (the next again when one does not answer), so most land on a worker that does not
 * own the task. Records each delivery and whether the worker that got it owned the task's partition then (as its
 * log said).
 */
final class CallbackProxy implements AutoCloseable {

    /**
     * One callback as forwarded.
     *
     * @param commandId the task's commandId (the token's part before {@code ~})
     * @param taskId    the vendor's task id from the body, or null
     * @param worker    the worker that answered
     * @param owner     whether that worker owned the commandId's partition when the callback reached it
     * @param status    the worker's answer
     * @param atMillis  when it was sent to that worker, epoch milliseconds
     */
    record Delivery(String commandId, String taskId, String worker, boolean owner, int status, long atMillis) {
    }

    private static final Pattern TASK_ID = Pattern.compile("\"taskId\"\\s*:\\s*\"([^\"]+)\"");

    private final Supplier<List<WorkerProcess>> workers;
    private final int partitions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final AtomicLong turn = new AtomicLong();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final LoopbackServer server;

    /** @param partitions the commands topic's partition count */
    CallbackProxy(Supplier<List<WorkerProcess>> workers, int partitions) {
        this.workers = workers;
        this.partitions = partitions;
        this.server = LoopbackServer.start(Map.of("/", this::forward), 8);
    }

    /** The value for {@code APIXO_CALLBACK_URL}. */
    URI baseUrl() {
        return server.baseUrl();
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = LoopbackServer.body(exchange);
        String path = exchange.getRequestURI().getRawPath();
        String token = path.substring(path.lastIndexOf('/') + 1);
        String commandId = token.contains("~") ? token.substring(0, token.lastIndexOf('~')) : token;
        Matcher task = TASK_ID.matcher(new String(body, StandardCharsets.UTF_8));
        String taskId = task.find() ? task.group(1) : null;
        List<WorkerProcess> live = workers.get();
        int first = (int) (turn.getAndIncrement() % Math.max(1, live.size()));
        for (int i = 0; i < live.size(); i++) {
            WorkerProcess worker = live.get((first + i) % live.size());
            boolean owner = worker.owns(KafkaFixture.partitionOf(commandId, partitions));
            long sentAt = System.currentTimeMillis();
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + worker.httpPort()
                                + path)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                deliveries.add(new Delivery(commandId, taskId, worker.name(), owner, status, sentAt));
                LoopbackServer.respond(exchange, status, null, new byte[0], Map.of());
                return;
            } catch (IOException e) {
                // that worker is gone: the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LoopbackServer.respond(exchange, 503, null, new byte[0], Map.of());
    }

    @Override
    public void close() {
        server.close();
    }
}
