package dev.imagegen.adapter.apixo;

import com.sun.net.httpserver.HttpHandler;
import dev.imagegen.testkit.LoopbackServer;
import java.net.URI;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A small loopback stand-in for the worker's callback route: records what arrives, answers as told (200 by default). */
final class CallbackReceiver implements AutoCloseable {

    record Delivery(String path, byte[] body, long receivedNanos) {
    }

    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private volatile int defaultAnswer = 200;
    private final LoopbackServer server = LoopbackServer.start(Map.of("/", (HttpHandler) exchange -> {
        byte[] body = LoopbackServer.body(exchange);
        deliveries.add(new Delivery(exchange.getRequestURI().getPath(), body, System.nanoTime()));
        Integer status = answers.poll();
        LoopbackServer.respond(exchange, status == null ? defaultAnswer : status, null, new byte[0], Map.of());
    }), 2);

    URI baseUrl() {
        return server.baseUrl();
    }

    /** The next callbacks are answered with these statuses, then with the default. */
    void answer(Integer... statuses) {
        answers.addAll(java.util.List.of(statuses));
    }

    void answerAlways(int status) {
        defaultAnswer = status;
    }

    /** The next delivery, waiting up to 5 s; null when none came. */
    Delivery next() throws InterruptedException {
        return deliveries.poll(5, TimeUnit.SECONDS);
    }

    /** The next delivery if one arrives within the wait. */
    Delivery next(long millis) throws InterruptedException {
        return deliveries.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.close();
    }
}
