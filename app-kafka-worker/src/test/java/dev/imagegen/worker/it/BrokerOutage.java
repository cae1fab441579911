package dev.imagegen.worker.it;

import static dev.imagegen.worker.it.KafkaFixture.await;
import static dev.imagegen.worker.it.KafkaFixture.command;
import static dev.imagegen.worker.it.KafkaFixture.eventsOf;
import static dev.imagegen.worker.it.KafkaFixture.terminalCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.worker.Worker;
import dev.imagegen.worker.config.WorkerConfig;
import dev.imagegen.worker.testing.TestVendor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Two workers with a couple of hundred commands in flight; the broker goes away for a while and comes back. Checks
 * that readiness tells the truth, that every command ends exactly once with one vendor submit, and prints how long
 * the workers took to notice and to recover.
 */
final class BrokerOutage {

    private static final int COMMANDS = 200;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private BrokerOutage() {
    }

    static void run(String name, Duration outage) throws Exception {
        try (KafkaFixture fixture = new KafkaFixture()) {
            WorkerConfig config = fixture.config(4);
            // the vendor's task deadline (60 s by default here) must outlast the outage: no task times out in it
            Map<String, String> vendor = Map.of("ALPHA_TASK_TIMEOUT", "5m", "BETA_TASK_TIMEOUT", "5m");
            Worker first = fixture.worker(config, vendor);
            Worker second = fixture.worker(config, vendor);
            await("both workers share the partitions", () -> first.ready() && second.ready()
                    && first.partitionsOwned() > 0 && second.partitionsOwned() > 0
                    && first.partitionsOwned() + second.partitionsOwned() == 4, Duration.ofSeconds(60));

            List<String> ids = new ArrayList<>();
            long runMs = outage.toMillis() + 5_000;
            for (int i = 0; i < COMMANDS; i++) {
                String id = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + i;
                ids.add(id);
                // half end while the broker is away, half after it is back
                String prompt = "work @ms=" + (i % 2 == 0 ? 3_000 : runMs);
                fixture.send(config.topics().commands(), id, command(id, prompt, ""));
            }
            fixture.flush();
            fixture.read(config.topics().events(), records -> ids.stream().allMatch(id -> eventsOf(records, id)
                    .stream().anyMatch(e -> "SUBMITTED".equals(e.get("status")))), Duration.ofSeconds(30));

            EventClock events = new EventClock(fixture, config.topics().events());
            events.start();
            ReadyProbe probeFirst = new ReadyProbe(first.httpPort());
            ReadyProbe probeSecond = new ReadyProbe(second.httpPort());
            probeFirst.start();
            probeSecond.start();
            assertTrue(probeFirst.ready() && probeSecond.ready(), "both workers are ready before the outage");

            long down = System.nanoTime();
            fixture.kafka.stop();
            long stopped = System.nanoTime();
            await("neither worker says it is ready", () -> !probeFirst.ready() && !probeSecond.ready(),
                    Duration.ofSeconds(30));
            double notReady = seconds(Math.max(probeFirst.lastChange(), probeSecond.lastChange()) - down);
            Thread.sleep(Math.max(0, outage.toMillis() - (System.nanoTime() - down) / 1_000_000));
            assertTrue(!probeFirst.ready() && !probeSecond.ready(), "not ready while the broker is away");
            long back = System.nanoTime();
            // marked before the start: the backlog of events can be out before readiness is seen again
            events.countFrom(back);
            fixture.kafka.start();
            long started = System.nanoTime();
            await("both workers are ready again", () -> probeFirst.ready() && probeSecond.ready(),
                    Duration.ofSeconds(60));
            double ready = seconds(Math.max(probeFirst.lastChange(), probeSecond.lastChange()) - started);
            await("an event after the broker's return", () -> events.first() > 0, Duration.ofSeconds(60));
            double progress = seconds(Math.max(0, events.first() - started));

            List<ConsumerRecord<byte[], byte[]>> all = fixture.read(config.topics().events(),
                    records -> ids.stream().allMatch(id -> terminalCount(records, id) > 0), Duration.ofSeconds(120));
            events.shutdown();
            probeFirst.shutdown();
            probeSecond.shutdown();
            long succeeded = 0;
            for (String id : ids) {
                assertEquals(1, terminalCount(all, id), id + " has exactly one terminal event");
                assertEquals(1, TestVendor.submitsOf(id), id + " reached the vendor exactly once");
                List<Map<String, Object>> mine = eventsOf(all, id);
                if ("SUCCEEDED".equals(mine.get(mine.size() - 1).get("status"))) {
                    succeeded++;
                }
            }
            System.out.printf("%s: %d commands in flight, broker away %.1f s (stop took %.1f s, start %.1f s); "
                            + "ready went non-200 %.1f s after the broker went away; ready again %.2f s and first "
                            + "progress %.2f s after it answered again; %d SUCCEEDED, %d other terminal%n",
                    name, COMMANDS, seconds(back - down), seconds(stopped - down), seconds(started - back), notReady,
                    ready, progress, succeeded, COMMANDS - succeeded);
            assertEquals(COMMANDS, succeeded, "every task was submitted before the outage and succeeds");
            assertTrue(first.partitionsOwned() + second.partitionsOwned() == 4, "all partitions are owned");
            first.stop();
            second.stop();
            assertTrue(first.await(Duration.ofSeconds(30)), "the first worker drains cleanly");
            assertTrue(second.await(Duration.ofSeconds(30)), "the second worker drains cleanly");
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Asks a worker's {@code /health/ready} every 100 ms; remembers the answer and when it last changed. */
    private static final class ReadyProbe extends Thread {
        private final URI uri;
        private volatile boolean ready;
        private volatile long lastChange;
        private volatile boolean running = true;

        ReadyProbe(int port) throws Exception {
            super("ready-probe-" + port);
            setDaemon(true);
            uri = URI.create("http://127.0.0.1:" + port + "/health/ready");
            ready = ask();
            lastChange = System.nanoTime();
        }

        private boolean ask() {
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build();
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }

        @Override
        public void run() {
            while (running) {
                boolean now = ask();
                if (now != ready) {
                    lastChange = System.nanoTime();
                    ready = now;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        boolean ready() {
            return ready;
        }

        long lastChange() {
            return lastChange;
        }

        void shutdown() {
            running = false;
        }
    }

    /** Reads the events topic all along (through the outage) and remembers when each record arrived. */
    private static final class EventClock extends Thread {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final AtomicLong firstAfter = new AtomicLong();
        private volatile long after = Long.MAX_VALUE;
        private volatile boolean running = true;

        EventClock(KafkaFixture fixture, String topic) {
            super("event-clock");
            setDaemon(true);
            // assigned, not subscribed: no group to lose during the outage, the position stays where it was
            consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", fixture.kafka.bootstrapServers(),
                    "isolation.level", "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        @Override
        public void run() {
            try {
                while (running) {
                    if (!consumer.poll(Duration.ofMillis(50)).isEmpty()) {
                        long now = System.nanoTime();
                        if (now > after) {
                            firstAfter.compareAndSet(0, now);
                        }
                    }
                }
            } finally {
                consumer.close(Duration.ofSeconds(1));
            }
        }

        /** Counts records from {@code since} on (a {@link System#nanoTime()}). */
        void countFrom(long since) {
            after = since;
        }

        /** When the first record came after the {@link #countFrom} mark, or 0. */
        long first() {
            return firstAfter.get();
        }

        void shutdown() {
            running = false;
        }
    }
}
