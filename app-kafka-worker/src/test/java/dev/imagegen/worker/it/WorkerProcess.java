package dev.imagegen.worker.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One worker JVM started by {@link WorkerProcesses}: its HTTP port, its log, and the command partitions it owns as
 * its log says ({@code took over partitions [..]}, {@code gave up partitions [..]}), each change stamped with the
 * wall-clock time the line arrived. Thread-safe.
 */
final class WorkerProcess {

    /** A change of ownership read from the log, at epoch milliseconds {@code atMillis}. */
    record Ownership(long atMillis, boolean took, Set<Integer> partitions) {
    }

    private static final Pattern OWNERSHIP = Pattern.compile("(took over|gave up) partitions \\[([0-9, ]*)]");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int httpPort;
    private final Process process;
    private final Path log;
    private final Set<Integer> owned = new TreeSet<>();
    private final List<Ownership> changes = new CopyOnWriteArrayList<>();
    private final Thread pump;

    WorkerProcess(String name, int httpPort, Process process, Path log) throws IOException {
        this.name = name;
        this.httpPort = httpPort;
        this.process = process;
        this.log = log;
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        this.pump = new Thread(() -> pump(out), "log-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    /** Copies the process's output into its log file, line by line, and follows its partitions. */
    private void pump(Writer out) {
        try (out; BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                out.write(line);
                out.write('\n');
                out.flush();
                ownership(line);
            }
        } catch (IOException e) {
            // the process is gone: its log ends here
        }
    }

    private void ownership(String line) {
        Matcher m = OWNERSHIP.matcher(line);
        if (!m.find()) {
            return;
        }
        Set<Integer> partitions = new TreeSet<>();
        Arrays.stream(m.group(2).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(s -> partitions.add(Integer.parseInt(s)));
        boolean took = m.group(1).equals("took over");
        synchronized (owned) {
            if (took) {
                owned.addAll(partitions);
            } else {
                owned.removeAll(partitions);
            }
        }
        changes.add(new Ownership(System.currentTimeMillis(), took, Set.copyOf(partitions)));
    }

    String name() {
        return name;
    }

    int httpPort() {
        return httpPort;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The command partitions it owns now, as its log said last. */
    Set<Integer> owned() {
        synchronized (owned) {
            return Set.copyOf(owned);
        }
    }

    boolean owns(int partition) {
        synchronized (owned) {
            return owned.contains(partition);
        }
    }

    /** Every ownership change its log showed so far, oldest first. */
    List<Ownership> changes() {
        return List.copyOf(changes);
    }

    /** Waits until {@code /health/ready} answers 200; fails with the log's end when the process dies first. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready:\n"
                        + logTail());
            }
            try {
                int status = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                        + "/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " was not ready within " + timeout + ":\n" + logTail());
    }

    /** {@code kill -9}: no drain, no goodbye to the group. Returns when the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " survived SIGKILL for 30 s");
        }
        pump.join(5_000);
    }

    /** SIGTERM, then waits for the exit; returns the exit code (a graceful stop drains and exits 0). */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not exit within " + timeout + " of SIGTERM:\n" + logTail());
        }
        pump.join(5_000);
        return process.exitValue();
    }

    /** Kills it if it still runs and waits for the exit. */
    void destroy() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path log() {
        return log;
    }

    /** The last 40 lines of its log. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (HTTP " + httpPort + ", owns " + owned() + ")";
    }
}
