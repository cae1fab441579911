package dev.imagegen.worker.it;

import static dev.imagegen.worker.it.KafkaFixture.await;
import static dev.imagegen.worker.it.KafkaFixture.partitionOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.TaskLedger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Scale-out on a real broker with separate worker processes (issue 11, items 2, 4 and 6): three worker JVMs from the
 * packaged jar in one group behind one Apixo callback URL, 300 commands across the three vendors' simulators; one
 * worker is killed ({@code kill -9}) with tasks in flight, a replacement starts, another worker is stopped with
 * SIGTERM. Every command ends with exactly one terminal event, no vendor gets a second submit for one commandId,
 * the dead and the stopped worker's tasks are finished by the others, and a forged callback token costs nothing.
 * Prints the failover time and the delay from a callback at a worker that does not own its task to the owner's
 * status call (figures, not assertions).
 */
class ScaleOutIT {

    private static final int PARTITIONS = 12;
    private static final Duration TASK = Duration.ofSeconds(8);
    private static final int FIRST_WAVE = 240;
    private static final int SECOND_WAVE = 60;
    private static final Duration LONG = Duration.ofSeconds(90);

    @Test
    void three_workers_lose_one_to_kill_9_gain_one_and_stop_one_and_every_command_ends_once() throws Exception {
        long began = System.nanoTime();
        try (KafkaFixture fixture = new KafkaFixture();
             SimulatedVendors vendors = new SimulatedVendors(TASK);
             WorkerProcesses workers = new WorkerProcesses();
             CallbackProxy proxy = new CallbackProxy(workers::alive, PARTITIONS)) {
            Map<String, String> env = fixture.env(PARTITIONS);
            env.putAll(vendors.env());
            env.put("APIXO_CALLBACK_URL", proxy.baseUrl().toString());
            // the safety-net polls of Apixo's tasks come after 15 s: within the test, callbacks finish them
            env.put("APIXO_POLL_INITIAL_DELAY", "15s");
            env.put("APIXO_POLL_INTERVAL", "10s");
            env.put("APIXO_POLL_MAX_INTERVAL", "10s");

            List<WorkerProcess> three = List.of(workers.start("scale-1", env), workers.start("scale-2", env),
                    workers.start("scale-3", env));
            for (WorkerProcess worker : three) {
                worker.awaitReady(LONG);
            }
            await("the three workers share the " + PARTITIONS + " partitions", () -> three.stream()
                    .noneMatch(w -> w.owned().isEmpty()) && ownedBy(three).size() == PARTITIONS, LONG);
            System.out.printf("scale-out: three workers ready and sharing the partitions %.1f s after the start%n",
                    seconds(began));

            try (EventStream events = new EventStream(fixture.kafka.bootstrapServers(), fixture.prefix + "events")) {
                Map<String, String> providerOf = new LinkedHashMap<>();
                List<String> firstWave = send(fixture, providerOf, 0, FIRST_WAVE);
                awaitEvents(events, "every command of the first wave is at its vendor",
                        () -> events.allAtVendor(firstWave));

                // kill -9 one worker while its tasks are in flight
                WorkerProcess victim = three.get(0);
                Set<Integer> victimPartitions = victim.owned();
                List<String> orphaned = inFlight(events, firstWave, victimPartitions);
                long killedAt = System.currentTimeMillis();
                victim.kill();
                assertFalse(orphaned.isEmpty(), "the killed worker had tasks in flight");
                List<WorkerProcess> survivors = List.of(three.get(1), three.get(2));
                await("the survivors own the killed worker's partitions " + victimPartitions,
                        () -> ownedBy(survivors).containsAll(victimPartitions), LONG);
                long tookOverAt = System.currentTimeMillis();
                await("an event of a task the killed worker held",
                        () -> events.firstArrivalAfter(tookOverAt, orphaned::contains) > 0, LONG);
                long progressAt = events.firstArrivalAfter(tookOverAt, orphaned::contains);
                System.out.printf("scale-out: kill -9 of %s with %d tasks in flight on partitions %s; the survivors "
                        + "took the partitions over after %.1f s, the first event of those tasks after %.1f s%n",
                        victim.name(), orphaned.size(), victimPartitions, (tookOverAt - killedAt) / 1000.0,
                        (progressAt - killedAt) / 1000.0);

                // a replacement joins, then another worker stops gracefully with tasks in flight
                WorkerProcess replacement = workers.start("scale-4", env);
                replacement.awaitReady(LONG);
                await("the replacement owns partitions", () -> !replacement.owned().isEmpty(), LONG);
                List<String> secondWave = send(fixture, providerOf, FIRST_WAVE, SECOND_WAVE);
                awaitEvents(events, "every command of the second wave is at its vendor",
                        () -> events.allAtVendor(secondWave));
                WorkerProcess stopped = three.get(1);
                List<String> all = new ArrayList<>(providerOf.keySet());
                List<String> handedOver = inFlight(events, all, stopped.owned());
                long stopAt = System.currentTimeMillis();
                assertEquals(0, stopped.stop(LONG), "SIGTERM drains and exits 0:\n" + stopped.logTail());
                System.out.printf("scale-out: SIGTERM to %s with %d tasks in flight: exit 0 after %.1f s%n",
                        stopped.name(), handedOver.size(), (System.currentTimeMillis() - stopAt) / 1000.0);

                awaitEvents(events, "every command has a terminal event", () -> events.allTerminal(all));

                Map<String, Integer> outcomes = new TreeMap<>();
                for (String id : all) {
                    EventStream.Event last = events.onlyTerminal(id);
                    String outcome = last.errorCode() == null ? last.status() : last.status() + "/" + last.errorCode();
                    outcomes.merge(outcome, 1, Integer::sum);
                    long submits = vendors.submitsOf(providerOf.get(id), id);
                    assertTrue(submits <= 1, id + " was submitted " + submits + " times");
                    if (last.status().equals("SUCCEEDED")) {
                        assertEquals(1, submits, id + " succeeded with one submit");
                    } else {
                        assertEquals("FAILED/OUTCOME_UNKNOWN", outcome, id + " ended " + last.body());
                    }
                }
                for (String id : orphaned) {
                    assertTrue(events.onlyTerminal(id).receivedMillis() > killedAt, id + " was finished by another");
                }
                for (String id : handedOver) {
                    assertTrue(events.onlyTerminal(id).receivedMillis() > stopAt, id + " was finished by another");
                }
                System.out.printf("scale-out: %d commands (%s), each with one terminal event: %s; outcome unknown "
                        + "(counted apart): %d; no second submit for any commandId%n", all.size(),
                        providerOf.values().stream().collect(Collectors.groupingBy(p -> p, TreeMap::new,
                                Collectors.counting())), outcomes, outcomes.getOrDefault("FAILED/OUTCOME_UNKNOWN", 0));

                callbackFigures(proxy, vendors.apixo.ledger(), killedAt, tookOverAt);
                aForgedTokenCostsNothing(fixture, vendors, events, workers.alive(), firstWave.get(1));
                events.assertSchemas();
            }
            System.out.printf("scale-out: the whole run took %.1f s%n", seconds(began));
        }
    }

    private static void awaitEvents(EventStream events, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        try {
            await(what, condition, LONG);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; read so far: " + events.summary(), e);
        }
    }

    /** Sends {@code count} commands, the providers in turn; returns their ids. */
    private static List<String> send(KafkaFixture fixture, Map<String, String> providerOf, int from, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String id = String.format("scale-%03d", i);
            String provider = SimulatedVendors.PROVIDERS.get(i % SimulatedVendors.PROVIDERS.size());
            providerOf.put(id, provider);
            ids.add(id);
            fixture.send(fixture.prefix + "commands", id, SimulatedVendors.command(id, provider));
        }
        fixture.flush();
        return ids;
    }

    /** The commands on these partitions that have no terminal event yet. */
    private static List<String> inFlight(EventStream events, List<String> ids, Set<Integer> partitions) {
        return events.unfinished(ids).stream().filter(id -> partitions.contains(partitionOf(id, PARTITIONS)))
                .toList();
    }

    private static Set<Integer> ownedBy(List<WorkerProcess> workers) {
        Set<Integer> owned = new HashSet<>();
        workers.stream().filter(WorkerProcess::alive).forEach(w -> owned.addAll(w.owned()));
        return owned;
    }

    /**
     * Callbacks the proxy gave to a worker that did not own the task, and the owner's next status call for that
     * task at the vendor: every one is followed by one; the delays are printed.
     */
    private static void callbackFigures(CallbackProxy proxy, TaskLedger apixoLedger, long killedAt,
                                        long tookOverAt) {
        List<CallbackProxy.Delivery> deliveries = proxy.deliveries();
        List<CallbackProxy.Delivery> handedOn = deliveries.stream()
                .filter(d -> !d.owner() && d.status() == 200 && d.taskId() != null).toList();
        assertFalse(handedOn.isEmpty(), "callbacks reached workers that did not own their task");
        List<Long> delays = new ArrayList<>();
        List<Long> settled = new ArrayList<>();
        for (CallbackProxy.Delivery d : handedOn) {
            TaskLedger.TaskTrace trace = apixoLedger.trace(d.taskId()).orElseThrow();
            trace.statusCalls().stream().filter(at -> at >= d.atMillis()).findFirst().ifPresent(at -> {
                delays.add(at - d.atMillis());
                if (d.atMillis() < killedAt || d.atMillis() > tookOverAt) {
                    settled.add(at - d.atMillis());
                }
            });
        }
        assertEquals(handedOn.size(), delays.size(), "every callback handed on was followed by a status call");
        delays.sort(Long::compare);
        settled.sort(Long::compare);
        Map<Integer, Long> statuses = deliveries.stream().collect(Collectors.groupingBy(
                CallbackProxy.Delivery::status, TreeMap::new, Collectors.counting()));
        System.out.printf("scale-out: %d Apixo callbacks through one URL (answers %s), %d at a worker that did not "
                + "own the task; its owner's status call followed after median %d ms, p90 %d ms, max %d ms (%s)%n",
                deliveries.size(), statuses, handedOn.size(), delays.get(delays.size() / 2),
                delays.get(delays.size() * 9 / 10), delays.get(delays.size() - 1), settled.isEmpty()
                        ? "none outside the failover window" : settled.size() + " outside the failover window: median "
                        + settled.get(settled.size() / 2) + " ms, max " + settled.get(settled.size() - 1) + " ms");
    }

    /** A forged or unknown token is refused by every worker: no Kafka write, no vendor call, no event. */
    private static void aForgedTokenCostsNothing(KafkaFixture fixture, SimulatedVendors vendors, EventStream events,
                                                 List<WorkerProcess> live, String commandId) throws Exception {
        Map<TopicPartition, Long> offsetsBefore = endOffsets(fixture);
        long callsBefore = vendors.vendorCalls();
        int eventsBefore = events.size();
        HttpClient http = HttpClient.newHttpClient();
        for (WorkerProcess worker : live) {
            for (String token : List.of(commandId + "~AAAAAAAAAAAAAAAAAAAAAA", "no-such-command~AAAAAAAAAAAAAAAAAAAAAA",
                    "not-a-token")) {
                int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + worker.httpPort()
                        + "/callbacks/apixo/" + token)).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"code\":200,\"data\":{\"taskId\":\"task_forged\",\"state\":\"success\"}}")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                assertTrue(status >= 400 && status < 500, worker.name() + " answered " + status + " to " + token);
            }
        }
        Thread.sleep(1000);
        assertEquals(offsetsBefore, endOffsets(fixture), "no record in the commands or events topic");
        assertEquals(callsBefore, vendors.vendorCalls(), "no vendor call");
        assertEquals(eventsBefore, events.size(), "no event");
        System.out.printf("scale-out: forged and unknown callback tokens at %d workers: 4xx, no Kafka write, no "
                + "vendor call, no event%n", live.size());
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaFixture fixture) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                fixture.kafka.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(fixture.prefix + "commands", fixture.prefix + "events")) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
