package dev.imagegen.bench.load;

import dev.imagegen.spi.Durations;
import dev.imagegen.worker.demo.EmbeddedKafka;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Idempotency memory under a steady load (issue 11): two worker processes side by side on one in-process broker
 * and the Xenodia simulator, each with its own group and topics, receive the same steady stream of commands with
 * new commandIds (short vendor tasks); one forgets finished commandIds after {@code IMAGEGEN_DEDUP_RETENTION=1m}
 * (the shortest allowed), the other after the default {@code 7d}. Every {@code --sample} interval it prints, for
 * each, the commandIds the worker remembers and the bytes holding them, its heap after a full GC, and the size of
 * its tasks topic on the broker. A run of a few minutes covers several 1-minute retentions, as weeks do for 7 days.
 * The broker checks retention every 5 s (a real broker's default is 5 minutes, which adds that much to the bound).
 * Prints numbers and stops by itself.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.imagegen.bench.load.RetentionRun [--rate=100]
 * [--duration=5m] [--sample=30s] [--heap=512m]}
 */
public final class RetentionRun {

    private static final List<String> RETENTIONS = List.of("1m", "7d");

    private RetentionRun() {
    }

    /** One sample of one worker. */
    record Sample(long seconds, long sent, long answered, double remembered, double tableBytes, double heapAfterGc,
                  long rss, TopicSizes.Size tasks) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = LoadOptions.pairs(args);
        int rate = Integer.parseInt(given.getOrDefault("rate", "100"));
        Duration duration = Durations.parse(given.getOrDefault("duration", "5m"));
        Duration sample = Durations.parse(given.getOrDefault("sample", "30s"));
        String heap = given.getOrDefault("heap", "512m");
        Path jar = Path.of(given.getOrDefault("worker-jar", "app-kafka-worker/target/app-kafka-worker.jar"));
        System.exit(run(rate, duration, sample, heap, jar, System.out));
    }

    static int run(int rate, Duration duration, Duration sampleEvery, String heap, Path jar, PrintStream out)
            throws Exception {
        Path dir = Files.createTempDirectory("imagegen-retention-");
        Map<String, WorkerProcess> workers = new LinkedHashMap<>();
        Map<String, EventFollower> followers = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Map<String, String> broker = Map.of("log.retention.check.interval.ms", "5000",
                "log.cleaner.backoff.ms", "2000", "log.segment.delete.delay.ms", "1000");
        try (EmbeddedKafka kafka = new EmbeddedKafka(broker); LoadVendors vendors = new LoadVendors(
                Duration.ofSeconds(1)); TopicSizes sizes = new TopicSizes(kafka.bootstrapServers())) {
            for (String retention : RETENTIONS) {
                Map<String, String> env = new LinkedHashMap<>(vendors.endpoints());
                env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                env.put("IMAGEGEN_GROUP_ID", "retention-" + retention);
                for (String topic : List.of("COMMANDS", "EVENTS", "DLQ", "TASKS")) {
                    env.put("IMAGEGEN_" + topic + "_TOPIC", prefix(retention) + topic.toLowerCase());
                }
                env.put("IMAGEGEN_DEDUP_RETENTION", retention);
                env.put("XENODIA_MAX_IN_FLIGHT", "10000");
                env.put("XENODIA_MAX_REQUESTS_PER_SECOND", "2000");
                workers.put(retention, WorkerProcess.start(jar, heap, env, WorkerProcess.freePort(),
                        dir.resolve("worker-" + retention + ".log")));
                samples.put(retention, new ArrayList<>());
            }
            for (WorkerProcess worker : workers.values()) {
                if (!worker.awaitReady(Duration.ofSeconds(120))) {
                    out.println("retention run: a worker did not get ready; see " + worker.log());
                    return 1;
                }
            }
            for (String retention : RETENTIONS) {
                followers.put(retention, new EventFollower(kafka.bootstrapServers(), prefix(retention) + "events",
                        List.of()));
            }
            out.printf("retention run: %d commands/s with new commandIds to each of two workers (Xenodia simulator, "
                    + "tasks of 1 s), IMAGEGEN_DEDUP_RETENTION %s, for %s; workers -Xmx%s (logs in %s)%n", rate,
                    String.join(" and ", RETENTIONS), Durations.format(duration), heap, dir);
            out.printf("%6s %-4s %8s %8s %10s %9s %10s %8s %12s %10s%n", "t", "ret", "sent", "answered",
                    "remembered", "table MB", "heap MB*", "RSS MB", "tasks topic", "records");
            long sent = drive(kafka.bootstrapServers(), rate, duration, sampleEvery, workers, followers, sizes,
                    samples, out);
            out.println("(* heap after a full GC)");
            for (WorkerProcess worker : workers.values()) {
                worker.stop(Duration.ofSeconds(30));
            }
            summarize(rate, samples, sent, out);
            return 0;
        } finally {
            for (EventFollower follower : followers.values()) {
                follower.close();
            }
            workers.values().forEach(WorkerProcess::close);
        }
    }

    private static long drive(String bootstrap, int rate, Duration duration, Duration sampleEvery,
                              Map<String, WorkerProcess> workers, Map<String, EventFollower> followers,
                              TopicSizes sizes, Map<String, List<Sample>> samples, PrintStream out) throws Exception {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "linger.ms", "5", "acks", "all");
        long start = System.nanoTime();
        long nextSample = start + sampleEvery.toNanos();
        long end = start + duration.toNanos();
        long sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            while (System.nanoTime() < end) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                for (; sent < due; sent++) {
                    String id = "steady-" + sent;
                    String command = "{\"type\":\"imagegen.generate.v1\",\"commandId\":\"" + id + "\",\"provider\":"
                            + "\"xenodia\",\"model\":\"nano-banana-pro\",\"prompt\":\"steady image " + sent + "\"}";
                    for (String retention : RETENTIONS) {
                        producer.send(new ProducerRecord<>(prefix(retention) + "commands", id, command));
                    }
                }
                if (System.nanoTime() >= nextSample) {
                    nextSample += sampleEvery.toNanos();
                    producer.flush();
                    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                    for (String retention : RETENTIONS) {
                        Sample s = sample(seconds, sent, workers.get(retention), followers.get(retention), sizes,
                                prefix(retention) + "tasks");
                        samples.get(retention).add(s);
                        out.printf("%5ds %-4s %8d %8d %10.0f %9.2f %10.1f %8.0f %9.2f MB %10d%n", s.seconds(),
                                retention, s.sent(), s.answered(), s.remembered(), mb(s.tableBytes()),
                                mb(s.heapAfterGc()), mb(s.rss()), mb(s.tasks().bytes()), s.tasks().records());
                    }
                }
                Thread.sleep(10);
            }
        }
        return sent;
    }

    private static Sample sample(long seconds, long sent, WorkerProcess worker, EventFollower events,
                                 TopicSizes sizes, String tasksTopic) throws Exception {
        worker.collectGarbage();
        String metrics = worker.metrics().orElse("");
        long[] os = worker.threadsAndRss().orElse(new long[] {-1, -1});
        WorkerGauges gauges = WorkerGauges.parse(metrics, os[0], os[1]);
        return new Sample(seconds, sent, events.terminals().size(),
                WorkerGauges.sum(metrics, "imagegen_commandids_remembered", l -> true),
                WorkerGauges.sum(metrics, "imagegen_commandids_memory", l -> true), gauges.heapUsed(), gauges.rss(),
                sizes.of(tasksTopic));
    }

    /** Steady state: the mean of the second half of the short retention's samples, beside the long one's last. */
    private static void summarize(int rate, Map<String, List<Sample>> samples, long sent, PrintStream out) {
        List<Sample> shortRun = samples.get(RETENTIONS.get(0));
        List<Sample> longRun = samples.get(RETENTIONS.get(1));
        if (shortRun.isEmpty() || longRun.isEmpty()) {
            return;
        }
        List<Sample> steady = shortRun.subList(shortRun.size() / 2, shortRun.size());
        Sample last = longRun.get(longRun.size() - 1);
        out.printf("%n== %d commands at %d/s: with a 1m retention the worker remembered %.0f commandIds "
                        + "(%.2f MB of table; heap after GC %.1f MB) and the tasks topic held %.2f MB, averaged over "
                        + "the second half of the run; with 7d: %.0f commandIds (%.2f MB; heap %.1f MB), tasks topic "
                        + "%.2f MB at the end, growing with every command ==%n", sent, rate,
                mean(steady, Sample::remembered), mb(mean(steady, Sample::tableBytes)),
                mb(mean(steady, Sample::heapAfterGc)), mb(mean(steady, s -> s.tasks().bytes())), last.remembered(),
                mb(last.tableBytes()), mb(last.heapAfterGc()), mb(last.tasks().bytes()));
    }

    private static double mean(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
        return samples.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    private static String prefix(String retention) {
        return "retention-" + retention + ".";
    }

    private static double mb(double bytes) {
        return bytes / (1024 * 1024);
    }
}
