package dev.imagegen.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The worker jar run as its own process ({@code java -Xmx<heap> -jar ... run}), its HTTP port on 127.0.0.1. */
final class WorkerProcess implements AutoCloseable {

    /** The prefixes of the worker's own settings (besides {@code KAFKA_BOOTSTRAP_SERVERS}). */
    static final List<String> SETTING_PREFIXES = List.of("IMAGEGEN_", "XENODIA_", "APIXO_", "BAILIAN_");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private WorkerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the worker with exactly this environment for its own settings (others are inherited), its HTTP
     * endpoint on this port of 127.0.0.1.
     */
    static WorkerProcess start(Path jar, String heap, Map<String, String> settings, int port, Path log) {
        return start(jar, heap, List.of(), settings, port, log);
    }

    /** The same, with more JVM options (a Flight Recording, say) before {@code -jar}. */
    static WorkerProcess start(Path jar, String heap, List<String> jvmOptions, Map<String, String> settings, int port,
                               Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no worker jar at " + jar.toAbsolutePath()
                    + ": build it first (mvn -q -DskipTests package) or pass --worker-jar");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:+ExitOnOutOfMemoryError"));
        if (!heap.equals("default")) {
            command.add("-Xmx" + heap);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "run"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_")
                || SETTING_PREFIXES.stream().anyMatch(name::startsWith));
        builder.environment().putAll(settings);
        builder.environment().put("IMAGEGEN_HTTP_PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return new WorkerProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code /health/ready} answers 200; false when the process died or the time ran out. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            if (get("/health/ready").map(r -> r.statusCode() == 200).orElse(false)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The {@code /metrics} text, or empty when it did not answer. */
    Optional<String> metrics() {
        return get("/metrics").filter(r -> r.statusCode() == 200).map(HttpResponse::body);
    }

    /** The kernel's view of the process: threads (all, not just Java's) and resident memory; empty off Linux. */
    Optional<long[]> threadsAndRss() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            long threads = -1;
            long rssKb = -1;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.substring(8).trim());
                } else if (line.startsWith("VmRSS:")) {
                    rssKb = Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
            return threads < 0 ? Optional.empty() : Optional.of(new long[] {threads, rssKb * 1024});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** CPU seconds the process has used (user and system, all threads), or -1 off Linux. */
    double cpuSeconds() {
        try {
            return ticks(Path.of("/proc", Long.toString(process.pid()), "stat")) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU seconds the process's JIT compiler threads have used (the kernel's per-thread figures of the threads named
     * {@code C1/C2 CompilerThread*}), or -1 off Linux. Threads that ended are not counted.
     */
    double compilerCpuSeconds() {
        try (var threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            long ticks = 0;
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        ticks += ticks(thread.resolve("stat"));
                    }
                } catch (IOException ended) {
                    // the thread ended between the listing and the read
                }
            }
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** User and system CPU time in a {@code /proc/.../stat} file, in clock ticks of 1/100 s. */
    private static long ticks(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // fields[11] and [12] are utime and stime (the 14th and 15th of the whole line)
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Asks the process for a full collection ({@code jcmd <pid> GC.run}); false when that could not be done. */
    boolean collectGarbage() throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM, then waits for the drain; the exit code, or -1 when it had to be killed. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor();
        return -1;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private Optional<HttpResponse<String>> get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build();
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A port free on 127.0.0.1 now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
