package dev.imagegen.bench.load;

import dev.imagegen.spi.Durations;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.worker.demo.EmbeddedKafka;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The worker under load: an in-process broker and the three vendor simulators on 127.0.0.1, the worker jar as its
 * own process with a capped heap, and a burst of commands (10,000 by default) whose simulated tasks all run at once.
 * Prints what the worker held (tasks in flight, heap, threads), how often it asked the vendors, and how long after a
 * vendor finished its event was readable. Bounded: it stops by itself after {@code --limit}.
 *
 * <p>Run: {@code mvn -q -DskipTests package && java -cp bench/target/benchmarks.jar dev.imagegen.bench.load.LoadRun}
 */
public final class LoadRun {

    /** The measured commands' ids start with it; the warm-up's with {@link #WARMUP_PREFIX}. */
    static final String ID_PREFIX = "load-";
    static final String WARMUP_PREFIX = "warmup-";
    /** The warm-up ends once the worker's JIT compiler threads used less than this share of its CPU in a round. */
    static final double SETTLED_JIT_SHARE = 0.10;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /** The load run's client-side caps per provider, unless the environment says otherwise. */
    private static final String REQUESTS_PER_SECOND = "500";
    private static final Pattern VENDOR_CALLS = Pattern.compile(
            "imagegen_vendor_calls_total\\{call=\"(\\w+)\",outcome=\"(\\w+)\",provider=\"(\\w+)\"} (\\S+)");

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        LoadOptions options;
        try {
            if (List.of(args).contains("--help")) {
                out.println(LoadOptions.USAGE);
                return 0;
            }
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("load run: " + e.getMessage());
            err.println(LoadOptions.USAGE);
            return 2;
        }
        List<RunFigures> runs = runs(options, out, err);
        if (runs == null) {
            return 1;
        }
        if (runs.size() > 1) {
            RunFigures.sideBySide(runs, out);
        }
        return runs.stream().allMatch(r -> r.status() == 0) ? 0 : 1;
    }

    /** The runs the options ask for (one, or two for {@code --custody=both}); null when a worker did not start. */
    static List<RunFigures> runs(LoadOptions options, PrintStream out, PrintStream err) throws Exception {
        List<RunFigures> runs = new ArrayList<>();
        for (boolean custody : options.custodyRuns()) {
            if (!runs.isEmpty()) {
                out.printf("%n");
            }
            RunFigures figures = once(options, custody, out, err);
            if (figures == null) {
                return null;
            }
            runs.add(figures);
        }
        return runs;
    }

    /** One run on a fresh broker and simulators; null when the worker did not get ready. */
    private static RunFigures once(LoadOptions options, boolean custody, PrintStream out, PrintStream err)
            throws Exception {
        Path dir = Files.createTempDirectory("imagegen-load-");
        try (EmbeddedKafka kafka = new EmbeddedKafka(); LoadVendors vendors = new LoadVendors(options.taskLength(),
                options.style())) {
            int port = WorkerProcess.freePort();
            Map<String, String> env = workerEnv(options, kafka.bootstrapServers(), vendors);
            if (options.apixoCallbacks()) {
                env.put("APIXO_CALLBACK_URL", "http://127.0.0.1:" + port);
            }
            Path images = dir.resolve("images");
            if (custody) {
                env.put("IMAGEGEN_STORE_URL", images.toUri().toString());
                env.put("IMAGEGEN_STORE_ALLOW_PRIVATE_URLS", "true");
            } else {
                env.remove("IMAGEGEN_STORE_URL");
            }
            Map<String, Cadence> cadences = new LinkedHashMap<>();
            ProviderRegistry registry = ProviderRegistry.load();
            options.mix().keySet().forEach(p -> cadences.put(p, Cadence.of(p, env, registry)));
            try (WorkerProcess worker = WorkerProcess.start(options.workerJar(), options.heap(), env, port,
                    dir.resolve("worker.log"))) {
                out.printf("load run: %d commands %s, simulated tasks of %s, worker -Xmx%s (pid %d, log %s), %s%n",
                        options.tasks(), options.counts(), Durations.format(options.taskLength()),
                        options.heap(), worker.pid(), worker.log(), custody ? "custody into " + images
                                : "no custody");
                if (!worker.awaitReady(Duration.ofSeconds(90))) {
                    err.println("load run: the worker did not get ready; see " + worker.log());
                    return null;
                }
                return drive(options, custody, kafka.bootstrapServers(), vendors, cadences, worker, out);
            }
        }
    }

    private static RunFigures drive(LoadOptions options, boolean custody, String bootstrap, LoadVendors vendors,
                                    Map<String, Cadence> cadences, WorkerProcess worker, PrintStream out)
            throws Exception {
        Map<String, Integer> counts = options.counts();
        List<String> keys = vendors.endpoints().entrySet().stream().filter(e -> e.getKey().endsWith("_API_KEY"))
                .map(Map.Entry::getValue).toList();
        int warmupRounds = options.warmup() > 0 ? warmUp(options, bootstrap, keys, worker, out) : 0;
        if (warmupRounds < 0) {
            return null;
        }
        try (EventFollower events = new EventFollower(bootstrap, "imagegen.events", keys, ID_PREFIX)) {
            double cpuAtStart = worker.cpuSeconds();
            double jitAtStart = worker.compilerCpuSeconds();
            double rigCpuAtStart = ownCpuSeconds();
            long start = System.currentTimeMillis();
            send(bootstrap, counts, ID_PREFIX);
            out.printf("sent %d commands in %d ms%n", options.tasks(), System.currentTimeMillis() - start);
            WorkerGauges peak = WorkerGauges.NONE;
            WorkerGauges afterGc = null;
            long end = System.nanoTime() + options.limit().toNanos();
            long nextProgress = System.nanoTime();
            while (events.terminals().size() < options.tasks() && System.nanoTime() < end && worker.alive()) {
                WorkerGauges now = sample(worker);
                peak = peak.max(now);
                if (afterGc == null && now.inFlight() + events.terminals().size() >= options.tasks()) {
                    afterGc = worker.collectGarbage() ? sample(worker) : WorkerGauges.NONE;
                    out.printf("%.0f in flight; after a full GC the worker's heap holds %.0f MB%n", now.inFlight(),
                            mb(afterGc.heapUsed()));
                }
                if (System.nanoTime() >= nextProgress) {
                    nextProgress += PROGRESS_EVERY.toNanos();
                    out.printf("t=%3ds answered %5d/%d | worker: %5.0f in flight, heap %3.0f MB (live %3.0f MB), "
                                    + "%2.0f java / %d process threads, cpu %3.0f%%%n",
                            (System.currentTimeMillis() - start) / 1000, events.terminals().size(), options.tasks(),
                            now.inFlight(), mb(now.heapUsed()), mb(now.liveData()), now.jvmThreads(),
                            now.osThreads(), now.cpu() * 100);
                }
                Thread.sleep(SAMPLE_EVERY.toMillis());
            }
            long lastAnswer = events.terminals().values().stream().mapToLong(EventFollower.Terminal::readAtMillis)
                    .max().orElse(start);
            peak = peak.max(sample(worker));
            watchIdle(options.idle(), worker, peak, out);
            double cpuSeconds = cpuAtStart < 0 ? -1 : worker.cpuSeconds() - cpuAtStart;
            double jitSeconds = jitAtStart < 0 ? -1 : worker.compilerCpuSeconds() - jitAtStart;
            double rigCpuSeconds = rigCpuAtStart < 0 ? -1 : ownCpuSeconds() - rigCpuAtStart;
            String calls = worker.metrics().map(LoadRun::vendorCalls).orElse("(not scraped)");
            boolean diedEarly = !worker.alive();
            int exit = worker.stop(Duration.ofSeconds(60));
            String log = Files.readString(worker.log());
            long keysInLog = keys.stream().filter(log::contains).count();
            out.printf("%nvendor calls by outcome: %s%n", calls);
            if (options.apixoCallbacks()) {
                out.printf("apixo callbacks: %s%n", vendors.apixoCallbacks());
            }
            out.printf("API keys seen: in %d events, in the worker's log %d times%n", events.withSecrets(), keysInLog);
            RunFigures figures = summarize(options, custody, counts, vendors, cadences, events, peak, afterGc,
                    lastAnswer - start, exit, diedEarly, out)
                    .measured(start, warmupRounds * options.warmup(), cpuSeconds, jitSeconds, rigCpuSeconds);
            out.printf("command sent -> vendor task created: %s ms%n", figures.intake().summary("%.0f"));
            if (cpuSeconds >= 0 && rigCpuSeconds >= 0) {
                out.printf("CPU per command: the worker %.2f ms (its JIT compiler %.2f ms); the broker, simulators "
                        + "and event reader (this process) %.2f ms%n", 1000 * cpuSeconds / options.tasks(),
                        1000 * jitSeconds / options.tasks(), 1000 * rigCpuSeconds / options.tasks());
            }
            return events.withSecrets() == 0 && keysInLog == 0 ? figures : figures.failed();
        }
    }

    private static RunFigures summarize(LoadOptions options, boolean custody, Map<String, Integer> counts,
                                        LoadVendors vendors,
                                 Map<String, Cadence> cadences, EventFollower events, WorkerGauges peak,
                                 WorkerGauges afterGc, long tookMs, int exit, boolean diedEarly, PrintStream out) {
        int answered = events.terminals().size();
        out.printf("%n== %d of %d commands answered in %.1f s; %d events read; terminal events beyond one per "
                + "command: %d ==%n", answered, options.tasks(), tookMs / 1000.0, events.events(),
                events.extraTerminals());
        List<Report.Task> tasks = new Report(out).providers(counts, events.terminals(), vendors::ledger, cadences);
        out.printf("%nworker (-Xmx%s): peak %.0f tasks in flight in its engine; %d tasks at once between vendor "
                        + "acceptance and event%n", options.heap(), peak.inFlight(), Report.peakConcurrent(tasks));
        out.printf("  heap used peak %.0f MB; after a full GC with every command taken in %s; resident peak %.0f MB%n",
                mb(peak.heapUsed()), afterGc == null || afterGc == WorkerGauges.NONE ? "(not measured)"
                        : String.format("%.0f MB", mb(afterGc.heapUsed())), mb(peak.rss()));
        out.printf("  threads peak: %.0f java, %d in the process (with GC and JIT threads)%n", peak.jvmThreads(),
                peak.osThreads());
        out.printf("  %.0f Kafka transactions, %.1f ms each on average, longest %.0f ms%n", peak.commits(),
                peak.commits() == 0 ? 0 : 1000 * peak.commitSeconds() / peak.commits(), 1000 * peak.commitMax());
        out.printf("  %s; exit code after SIGTERM: %d%n", diedEarly ? "the worker DIED during the run" : "alive "
                + "throughout", exit);
        RunFigures.Custody copies = custody ? RunFigures.Custody.of(events.terminals().values(), tasks)
                : RunFigures.Custody.NONE;
        if (custody) {
            out.printf("  custody: %d of %d SUCCEEDED events carry stored images, %d files, %.1f MB; last status call "
                    + "-> image stored (file time) %s ms%n", copies.events(), copies.succeeded(), copies.files(),
                    mb(copies.bytes()), copies.download().summary("%.0f"));
        }
        if (!tasks.isEmpty()) {
            Stats ratio = Report.stats(tasks, t -> (double) t.calls() / t.fewestCalls());
            long within = tasks.stream().filter(t -> t.addedDelay() <= t.intervalInEffect() + Report.SLACK_MS).count();
            out.printf("%nall providers: status calls / fewest the cadence allows %s; added delay within the interval "
                    + "in effect + %d ms for %d of %d (%.2f%%); last status call -> event %s ms%n",
                    ratio.summary("%.2f"), Report.SLACK_MS, within, tasks.size(), 100.0 * within / tasks.size(),
                    Report.stats(tasks, Report.Task::answerToEvent).summary("%.0f"));
        }
        int status = answered == options.tasks() && exit == 0 && !diedEarly
                && (!custody || copies.events() == copies.succeeded()) ? 0 : 1;
        return new RunFigures(custody, options.tasks(), answered, events.extraTerminals(), tookMs / 1000.0, peak,
                afterGc == null ? WorkerGauges.NONE : afterGc, Report.stats(tasks, Report.Task::addedDelay),
                Report.stats(tasks, Report.Task::answerToEvent), copies, status, tasks, 0, 0, -1, -1, -1);
    }

    /** The worker's {@code imagegen_vendor_calls_total} counters, as {@code provider call outcome=count}. */
    static String vendorCalls(String metrics) {
        List<String> parts = new ArrayList<>();
        for (String text : metrics.split("\n")) {
            Matcher m = VENDOR_CALLS.matcher(text);
            if (m.matches()) {
                parts.add(m.group(3) + " " + m.group(1) + " " + m.group(2) + "="
                        + (long) Double.parseDouble(m.group(4)));
            }
        }
        Collections.sort(parts);
        return String.join(", ", parts);
    }

    private static WorkerGauges sample(WorkerProcess worker) {
        long[] os = worker.threadsAndRss().orElse(new long[] {-1, -1});
        return worker.metrics().map(text -> WorkerGauges.parse(text, os[0], os[1])).orElse(WorkerGauges.NONE);
    }

    /** Prints the idle worker's resident memory every 10 s for {@code idle} (nothing for zero). */
    private static void watchIdle(Duration idle, WorkerProcess worker, WorkerGauges peak, PrintStream out)
            throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < idle.toNanos() && worker.alive()) {
            Thread.sleep(PROGRESS_EVERY.toMillis());
            WorkerGauges now = sample(worker);
            out.printf("idle %3d s: resident %.0f MB (peak %.0f MB), heap used %.0f MB%n",
                    (System.nanoTime() - start) / 1_000_000_000, mb(now.rss()), mb(peak.rss()), mb(now.heapUsed()));
        }
    }

    /**
     * Sends rounds of warm-up commands (ids {@value #WARMUP_PREFIX}{@code <round>-...}), each answered before the
     * next, until the worker's JIT compiler threads used less than {@link #SETTLED_JIT_SHARE} of its CPU in a round or
     * {@link LoadOptions#warmupRounds()} rounds were sent. Returns the rounds sent, or -1 when a round was not answered
     * within the run's limit.
     */
    private static int warmUp(LoadOptions options, String bootstrap, List<String> keys, WorkerProcess worker,
                              PrintStream out) throws InterruptedException {
        for (int round = 1; round <= options.warmupRounds(); round++) {
            String prefix = WARMUP_PREFIX + round + "-";
            try (EventFollower events = new EventFollower(bootstrap, "imagegen.events", keys, prefix)) {
                double cpuAtStart = worker.cpuSeconds();
                double jitAtStart = worker.compilerCpuSeconds();
                long start = System.nanoTime();
                send(bootstrap, options.counts(options.warmup()), prefix);
                long end = start + options.limit().toNanos();
                while (events.terminals().size() < options.warmup() && System.nanoTime() < end && worker.alive()) {
                    Thread.sleep(SAMPLE_EVERY.toMillis());
                }
                double cpu = worker.cpuSeconds() - cpuAtStart;
                double jitShare = cpuAtStart < 0 || jitAtStart < 0 || cpu <= 0 ? -1
                        : (worker.compilerCpuSeconds() - jitAtStart) / cpu;
                out.printf("warm-up round %d: %d of %d commands answered in %.1f s (not measured); the worker's CPU "
                                + "%.2f ms per command, %.0f %% of it its JIT compiler%n", round,
                        events.terminals().size(), options.warmup(), (System.nanoTime() - start) / 1e9,
                        1000 * cpu / options.warmup(), 100 * jitShare);
                if (events.terminals().size() < options.warmup()) {
                    return -1;
                }
                if (jitShare >= 0 && jitShare < SETTLED_JIT_SHARE) {
                    return round;
                }
            }
        }
        return options.warmupRounds();
    }

    private static void send(String bootstrap, Map<String, Integer> counts, String idPrefix) {
        List<String> providers = new ArrayList<>();
        counts.forEach((provider, n) -> providers.addAll(Collections.nCopies(n, provider)));
        Collections.shuffle(providers, new Random(42));
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "linger.ms", "10",
                "batch.size", Integer.toString(256 * 1024), "acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < providers.size(); i++) {
                String provider = providers.get(i);
                String id = idPrefix + i;
                producer.send(new ProducerRecord<>("imagegen.commands", id, "{\"type\":\"imagegen.generate.v1\","
                        + "\"commandId\":\"" + id + "\",\"provider\":\"" + provider + "\",\"model\":\""
                        + LoadVendors.model(provider) + "\",\"prompt\":\"load run image " + i
                        + "\",\"aspectRatio\":\"1:1\",\"metadata\":{\"run\":\"load\"}}"));
            }
        }
    }

    /**
     * The worker's environment: the broker, the simulators, and caps that let every task be in flight at once (the
     * simulated accounts have no limits); any XENODIA_*, APIXO_*, BAILIAN_* or IMAGEGEN_* variable of this process
     * overrides them, except keys, base URLs and the HTTP port.
     */
    static Map<String, String> workerEnv(LoadOptions options, String bootstrap, LoadVendors vendors) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        for (String provider : List.of("xenodia", "apixo", "bailian")) {
            String p = provider.toUpperCase(Locale.ROOT);
            env.put(p + "_MAX_IN_FLIGHT", Integer.toString(options.tasks()));
            env.put(p + "_MAX_REQUESTS_PER_SECOND", REQUESTS_PER_SECOND);
        }
        System.getenv().forEach((name, value) -> {
            boolean ours = WorkerProcess.SETTING_PREFIXES.stream().anyMatch(name::startsWith);
            boolean fixed = name.endsWith("_API_KEY") || name.endsWith("_BASE_URL") || name.equals("IMAGEGEN_HTTP_PORT")
                    || name.endsWith("_API_STYLE") || name.equals("APIXO_CALLBACK_URL");
            if (ours && !fixed) {
                env.put(name, value);
            }
        });
        env.putAll(options.workerEnv());
        env.putAll(vendors.endpoints());
        return env;
    }

    private static double mb(double bytes) {
        return bytes / (1024 * 1024);
    }

    /** This process's CPU time in seconds (all its threads, GC and JIT included), or -1 where not known. */
    private static double ownCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os && os.getProcessCpuTime() >= 0) {
            return os.getProcessCpuTime() / 1e9;
        }
        return -1;
    }
}
