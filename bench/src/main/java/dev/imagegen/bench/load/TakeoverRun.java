package dev.imagegen.bench.load;

import dev.imagegen.worker.codec.TaskStateCodec;
import dev.imagegen.worker.demo.EmbeddedKafka;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How long a partition takeover takes when the partition remembers many commandIds (issue 11): an in-process broker,
 * worker processes in one group on a commands topic of one partition, and a tasks topic filled with a million
 * finished commandIds (the marks a worker writes, finished now, so all within the dedup retention). A worker that
 * owns the partition is stopped; the time from its exit to the next owner answering a command that waited is the
 * takeover. Measured once with an empty tasks topic (the group protocol's own cost) and once with the million.
 * Prints numbers and stops by itself.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.imagegen.bench.load.TakeoverRun [--ids=1000000]
 * [--heap=512m] [--jfr=file.jfr]}
 */
public final class TakeoverRun {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(120);

    private TakeoverRun() {
    }

    /** One takeover: from the old owner's SIGTERM to its exit, and from its exit to the probe's answer. */
    record Takeover(long drainMs, long serveMs) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = LoadOptions.pairs(args);
        int ids = Integer.parseInt(given.getOrDefault("ids", "1000000"));
        String heap = given.getOrDefault("heap", "512m");
        Path jar = Path.of(given.getOrDefault("worker-jar", "app-kafka-worker/target/app-kafka-worker.jar"));
        String jfr = given.get("jfr");
        System.exit(run(ids, heap, jar, jfr, System.out));
    }

    static int run(int ids, String heap, Path jar, String jfr, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("imagegen-takeover-");
        List<WorkerProcess> workers = new ArrayList<>();
        try (EmbeddedKafka kafka = new EmbeddedKafka();
             EventFollower events = new EventFollower(kafka.bootstrapServers(), "imagegen.events", List.of())) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("IMAGEGEN_PARTITIONS", "1");
            env.put("IMAGEGEN_GROUP_ID", "imagegen-takeover");
            WorkerProcess first = start(workers, jar, heap, List.of(), env, dir.resolve("worker-1.log"));
            WorkerProcess second = start(workers, jar, heap, List.of(), env, dir.resolve("worker-2.log"));
            out.printf("takeover run: %d remembered commandIds in one partition, workers -Xmx%s (logs in %s)%n", ids,
                    heap, dir);
            if (!ready(first) || !ready(second)) {
                out.println("takeover run: a worker did not get ready; see the logs");
                return 1;
            }
            Takeover empty = handOver(kafka.bootstrapServers(), first, events, "probe-empty");
            out.printf("takeover of the partition remembering 0 commandIds: drain %d ms, exit -> next command "
                    + "answered %d ms%n", empty.drainMs(), empty.serveMs());

            long fillStart = System.nanoTime();
            List<String> kept = fill(kafka.bootstrapServers(), ids);
            out.printf("wrote %d finished commandIds into imagegen.tasks in %d ms%n", ids,
                    (System.nanoTime() - fillStart) / 1_000_000);
            List<String> jvm = jfr == null ? List.of() : List.of("-XX:StartFlightRecording=filename=" + jfr
                    + ",settings=profile");
            WorkerProcess third = start(workers, jar, heap, jvm, env, dir.resolve("worker-3.log"));
            if (!ready(third)) {
                out.println("takeover run: the third worker did not get ready; see " + third.log());
                return 1;
            }
            WorkerGauges before = afterGc(third);
            Takeover million = handOver(kafka.bootstrapServers(), second, events, "probe-million");
            out.printf("takeover of the partition remembering %d commandIds: drain %d ms, exit -> next command "
                    + "answered %d ms%n", ids, million.drainMs(), million.serveMs());
            WorkerGauges after = afterGc(third);
            double remembered = WorkerGauges.sum(third.metrics().orElse(""), "imagegen_commandids_remembered",
                    l -> true);
            double table = WorkerGauges.sum(third.metrics().orElse(""), "imagegen_commandids_memory", l -> true);
            out.printf("the new owner remembers %.0f commandIds in %.1f MB of table (%.0f bytes each); heap after a "
                            + "full GC %.1f MB before the takeover, %.1f MB after (%.0f bytes per id)%n", remembered,
                    mb(table), remembered == 0 ? 0 : table / remembered, mb(before.heapUsed()), mb(after.heapUsed()),
                    remembered == 0 ? 0 : (after.heapUsed() - before.heapUsed()) / remembered);

            // a remembered id sent again is a duplicate: no event; a new one after it is answered
            send(kafka.bootstrapServers(), kept.get(0));
            send(kafka.bootstrapServers(), "probe-after");
            boolean answered = await(events, "probe-after");
            boolean duplicateAnswered = events.terminals().containsKey(kept.get(0));
            out.printf("a remembered commandId sent again: %s; a new one after it: %s%n",
                    duplicateAnswered ? "ANSWERED AGAIN (wrong)" : "ignored as a duplicate",
                    answered ? "answered" : "NOT answered");
            out.printf("%n== takeover of %d remembered commandIds: %.1f s from the old owner's exit to the next "
                    + "command answered (with none remembered: %.1f s) ==%n", ids, million.serveMs() / 1000.0,
                    empty.serveMs() / 1000.0);
            third.stop(Duration.ofSeconds(30));
            return answered && !duplicateAnswered ? 0 : 1;
        } finally {
            workers.forEach(WorkerProcess::close);
        }
    }

    private static WorkerProcess start(List<WorkerProcess> workers, Path jar, String heap, List<String> jvm,
                                       Map<String, String> env, Path log) {
        WorkerProcess worker = WorkerProcess.start(jar, heap, jvm, env, WorkerProcess.freePort(), log);
        workers.add(worker);
        return worker;
    }

    private static boolean ready(WorkerProcess worker) throws InterruptedException {
        return worker.awaitReady(Duration.ofSeconds(120));
    }

    /** Stops the owner; once it has exited, sends a command and waits for some worker to answer it. */
    private static Takeover handOver(String bootstrap, WorkerProcess owner, EventFollower events, String probe)
            throws InterruptedException {
        long stopAt = System.nanoTime();
        owner.stop(Duration.ofSeconds(60));
        long exitedAt = System.nanoTime();
        send(bootstrap, probe);
        if (!await(events, probe)) {
            throw new IllegalStateException("no answer to " + probe + " within " + ANSWER_WITHIN);
        }
        long answeredAt = System.nanoTime();
        return new Takeover((exitedAt - stopAt) / 1_000_000, (answeredAt - exitedAt) / 1_000_000);
    }

    private static boolean await(EventFollower events, String commandId) throws InterruptedException {
        long end = System.nanoTime() + ANSWER_WITHIN.toNanos();
        while (!events.terminals().containsKey(commandId) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return events.terminals().containsKey(commandId);
    }

    /** A command without a prompt: its owner answers it FAILED at once, with no vendor involved. */
    private static void send(String bootstrap, String commandId) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "acks", "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("imagegen.commands", commandId, "{\"type\":\"imagegen.generate.v1\","
                    + "\"commandId\":\"" + commandId + "\",\"model\":\"nano-banana-pro\"}"));
        }
    }

    /** Writes {@code n} finished marks with random UUIDs as commandIds; returns the first few. */
    private static List<String> fill(String bootstrap, int n) {
        TaskStateCodec codec = new TaskStateCodec();
        Random random = new Random(11);
        List<String> first = new ArrayList<>();
        Instant now = Instant.now();
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "linger.ms", "20",
                "batch.size", Integer.toString(512 * 1024), "acks", "1");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                String id = new UUID(random.nextLong(), random.nextLong()).toString();
                if (first.size() < 10) {
                    first.add(id);
                }
                producer.send(new ProducerRecord<>("imagegen.tasks", 0, id, codec.finished(id, "SUCCEEDED", now)));
            }
        }
        return first;
    }

    private static WorkerGauges afterGc(WorkerProcess worker) throws InterruptedException {
        worker.collectGarbage();
        long[] os = worker.threadsAndRss().orElse(new long[] {-1, -1});
        return worker.metrics().map(text -> WorkerGauges.parse(text, os[0], os[1])).orElse(WorkerGauges.NONE);
    }

    private static double mb(double bytes) {
        return bytes / (1024 * 1024);
    }
}
