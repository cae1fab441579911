package dev.imagegen.testkit.bailian;

import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/** The last requests received, at most {@code limit} of them. Thread-safe. */
final class SimRecorder {

    private final ConcurrentLinkedDeque<ReceivedRequest> received = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int limit;

    SimRecorder(int limit) {
        this.limit = limit;
    }

    void record(String method, String path, HttpExchange exchange, String body) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                List.copyOf(values)));
        received.addLast(new ReceivedRequest(method, path, headers, body));
        if (size.incrementAndGet() > limit && received.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    List<ReceivedRequest> all() {
        return new ArrayList<>(received);
    }

    void clear() {
        received.clear();
        size.set(0);
    }
}
