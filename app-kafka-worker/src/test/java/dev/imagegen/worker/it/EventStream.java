package dev.imagegen.worker.it;

import dev.imagegen.worker.codec.JsonTree;
import dev.imagegen.worker.testing.ContractSchemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The events topic as a consumer sees it (read_committed, from the start, every partition), collected per
 * commandId with the wall-clock time each event arrived here, on a thread of its own until {@link #close()}.
 * Every event must keep the event schema of {@code docs/schemas} ({@link #assertSchemas()}).
 */
final class EventStream implements AutoCloseable {

    /** An event and the epoch milliseconds it arrived. */
    record Event(Map<String, Object> body, long receivedMillis) {

        String status() {
            return (String) body.get("status");
        }

        boolean terminal() {
            return Boolean.TRUE.equals(body.get("terminal"));
        }

        /** The error code of a failed event, or null. */
        String errorCode() {
            return body.get("error") instanceof Map<?, ?> error ? (String) error.get("code") : null;
        }
    }

    private final Map<String, List<Event>> byCommand = new ConcurrentHashMap<>();
    private final List<byte[]> raw = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private volatile RuntimeException failure;

    EventStream(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "isolation.level",
                "read_committed", "enable.auto.commit", false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = new Thread(this::read, "event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    @SuppressWarnings("unchecked")
    private void read() {
        try {
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    long now = System.currentTimeMillis();
                    raw.add(record.value());
                    Map<String, Object> body = (Map<String, Object>) JsonTree.parse(record.value());
                    byCommand.computeIfAbsent((String) body.get("commandId"), id -> new CopyOnWriteArrayList<>())
                            .add(new Event(body, now));
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (JsonTree.Unreadable | RuntimeException e) {
            failure = new IllegalStateException("the event stream stopped: " + e, e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The command's events so far, in the order they arrived. */
    List<Event> of(String commandId) {
        check();
        return List.copyOf(byCommand.getOrDefault(commandId, List.of()));
    }

    long terminalCount(String commandId) {
        return of(commandId).stream().filter(Event::terminal).count();
    }

    /** The command's one terminal event; fails when it has none or more than one. */
    Event onlyTerminal(String commandId) {
        List<Event> terminal = of(commandId).stream().filter(Event::terminal).toList();
        if (terminal.size() != 1) {
            throw new AssertionError(commandId + " has " + terminal.size() + " terminal events: " + terminal);
        }
        return terminal.get(0);
    }

    boolean allTerminal(Collection<String> ids) {
        return ids.stream().allMatch(id -> terminalCount(id) > 0);
    }

    /** Whether every command has an event beyond ACCEPTED (SUBMITTED, RUNNING or terminal): its vendor has it. */
    boolean allAtVendor(Collection<String> ids) {
        return ids.stream().allMatch(id -> of(id).stream().anyMatch(e -> !"ACCEPTED".equals(e.status())));
    }

    /** The ids that have no terminal event yet. */
    List<String> unfinished(Collection<String> ids) {
        return ids.stream().filter(id -> terminalCount(id) == 0).toList();
    }

    /** The earliest arrival, after {@code afterMillis}, of an event of a command that {@code which} accepts; or -1. */
    long firstArrivalAfter(long afterMillis, Predicate<String> which) {
        check();
        long first = -1;
        for (Map.Entry<String, List<Event>> entry : byCommand.entrySet()) {
            if (!which.test(entry.getKey())) {
                continue;
            }
            for (Event event : new ArrayList<>(entry.getValue())) {
                if (event.receivedMillis() > afterMillis && (first < 0 || event.receivedMillis() < first)) {
                    first = event.receivedMillis();
                }
            }
        }
        return first;
    }

    /** How many events of each status arrived so far, for failure messages. */
    String summary() {
        check();
        Map<String, Integer> counts = new java.util.TreeMap<>();
        byCommand.values().forEach(list -> list.forEach(e -> counts.merge(e.status(), 1, Integer::sum)));
        return raw.size() + " events of " + byCommand.size() + " commands " + counts;
    }

    /** How many events arrived so far. */
    int size() {
        check();
        return raw.size();
    }

    /** Every event read so far keeps the event schema. */
    void assertSchemas() {
        raw.forEach(ContractSchemas.EVENT::assertValid);
    }

    private void check() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        reader.join(5_000);
    }
}
