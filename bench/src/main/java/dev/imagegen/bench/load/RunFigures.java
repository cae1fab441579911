package dev.imagegen.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The figures of one load run, for printing runs side by side (without and with result custody).
 *
 * @param custody      whether the worker copied result images into a directory
 * @param tasks        commands sent
 * @param answered     commands with a terminal event
 * @param extraTerminals terminal events beyond one per command
 * @param tookSeconds  from the first command sent to the last terminal event read
 * @param peak         the largest value of each gauge during the run
 * @param afterGc      the gauges after a full GC with every command taken in
 * @param addedDelay   vendor done -> terminal event readable, ms
 * @param callToEvent  the status call that saw a task finished -> terminal event readable, ms
 * @param copies       what custody stored
 * @param status       0 when every command was answered once and the worker stopped cleanly
 * @param joined       the succeeded tasks seen from both ends
 * @param sentAtMillis when the commands were sent (epoch ms)
 * @param warmedUpBy   commands the worker answered before the measured ones (the JIT's warm-up)
 * @param cpuSeconds   the worker's CPU time over the run, or -1
 * @param jitCpuSeconds the part of it its JIT compiler threads used, or -1
 * @param rigCpuSeconds the CPU time of the load run's own process over the run (the broker, the simulators and the
 *                     event reader, which share the machine with the worker), or -1
 */
record RunFigures(boolean custody, int tasks, int answered, long extraTerminals, double tookSeconds,
                  WorkerGauges peak, WorkerGauges afterGc, Stats addedDelay, Stats callToEvent, Custody copies,
                  int status, List<Report.Task> joined, long sentAtMillis, int warmedUpBy, double cpuSeconds,
                  double jitCpuSeconds, double rigCpuSeconds) {

    /**
     * The same figures with when the commands were sent, how many answered commands warmed the worker up, the
     * worker's (and its JIT's) and the rig's CPU time.
     */
    RunFigures measured(long sentAt, int warmedUp, double cpu, double jitCpu, double rigCpu) {
        return new RunFigures(custody, tasks, answered, extraTerminals, tookSeconds, peak, afterGc, addedDelay,
                callToEvent, copies, status, joined, sentAt, warmedUp, cpu, jitCpu, rigCpu);
    }

    /** Status calls per succeeded task. */
    Stats statusCalls() {
        return Report.stats(joined, Report.Task::calls);
    }

    /** The fewest status calls the cadence allows, per succeeded task. */
    Stats fewestCalls() {
        return Report.stats(joined, Report.Task::fewestCalls);
    }

    /** Command sent -> vendor task created, ms (the commands were sent at once). */
    Stats intake() {
        return Report.stats(joined, t -> t.trace().createdMillis() - sentAtMillis);
    }

    /**
     * What result custody stored.
     *
     * @param succeeded SUCCEEDED events
     * @param events    of them, those whose images carry {@code stored}
     * @param files     stored files found
     * @param bytes     their total size
     * @param download  the status call that saw a task finished -> its image file last written, ms
     */
    record Custody(long succeeded, long events, long files, long bytes, Stats download) {

        static final Custody NONE = new Custody(0, 0, 0, 0, new Stats(new double[0]));

        static Custody of(Collection<EventFollower.Terminal> terminals, List<Report.Task> tasks) {
            long succeeded = terminals.stream().filter(t -> "SUCCEEDED".equals(t.status())).count();
            long events = terminals.stream().filter(t -> "SUCCEEDED".equals(t.status()) && !t.stored().isEmpty())
                    .count();
            long files = 0;
            long bytes = 0;
            for (EventFollower.Terminal t : terminals) {
                for (String uri : t.stored()) {
                    Path file = file(uri);
                    if (file != null && Files.isRegularFile(file)) {
                        files++;
                        bytes += size(file);
                    }
                }
            }
            List<Double> download = new ArrayList<>();
            for (Report.Task task : tasks) {
                if (!task.terminal().stored().isEmpty()) {
                    Path file = file(task.terminal().stored().get(0));
                    if (file != null && Files.isRegularFile(file)) {
                        download.add((double) (modified(file) - task.lastCall()));
                    }
                }
            }
            return new Custody(succeeded, events, files, bytes,
                    new Stats(download.stream().mapToDouble(Double::doubleValue).toArray()));
        }

        private static Path file(String uri) {
            try {
                URI u = URI.create(uri);
                return "file".equals(u.getScheme()) ? Path.of(u) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return 0;
            }
        }

        private static long modified(Path file) {
            try {
                return Files.getLastModifiedTime(file).toMillis();
            } catch (IOException e) {
                return 0;
            }
        }
    }

    /** The same figures marked as failed. */
    RunFigures failed() {
        return new RunFigures(custody, tasks, answered, extraTerminals, tookSeconds, peak, afterGc, addedDelay,
                callToEvent, copies, 1, joined, sentAtMillis, warmedUpBy, cpuSeconds, jitCpuSeconds, rigCpuSeconds);
    }

    /** Prints the runs as columns of one table. */
    static void sideBySide(List<RunFigures> runs, PrintStream out) {
        out.printf("%n== side by side, one invocation, the same machine ==%n");
        row(out, "", runs, r -> r.custody() ? "with custody (file://)" : "without custody");
        row(out, "answered / sent", runs, r -> r.answered() + " / " + r.tasks() + " in "
                + String.format("%.0f s", r.tookSeconds()));
        row(out, "terminal events beyond one", runs, r -> Long.toString(r.extraTerminals()));
        row(out, "threads peak (java / process)", runs, r -> String.format("%.0f / %d", r.peak().jvmThreads(),
                r.peak().osThreads()));
        row(out, "heap peak used", runs, r -> mb(r.peak().heapUsed()));
        row(out, "heap after a full GC", runs, r -> mb(r.afterGc().heapUsed()));
        row(out, "resident peak", runs, r -> mb(r.peak().rss()));
        row(out, "vendor done -> event, ms", runs, r -> stats(r.addedDelay()));
        row(out, "last status call -> event, ms", runs, r -> stats(r.callToEvent()));
        row(out, "last status call -> image stored, ms", runs, r -> r.custody() ? stats(r.copies().download())
                : "-");
        row(out, "events with stored / SUCCEEDED", runs, r -> r.custody() ? r.copies().events() + " / "
                + r.copies().succeeded() : "-");
        if (runs.size() == 2) {
            RunFigures without = runs.get(0);
            RunFigures with = runs.get(1);
            out.printf("custody added: %+.0f ms to the median and %+.0f ms to the p99 of last status call -> event; "
                            + "%+.0f threads; %+.0f MB peak heap; %+.0f MB resident peak%n",
                    with.callToEvent().at(0.5) - without.callToEvent().at(0.5),
                    with.callToEvent().at(0.99) - without.callToEvent().at(0.99),
                    with.peak().jvmThreads() - without.peak().jvmThreads(),
                    (with.peak().heapUsed() - without.peak().heapUsed()) / (1024 * 1024),
                    (with.peak().rss() - without.peak().rss()) / (1024.0 * 1024));
        }
    }

    private static void row(PrintStream out, String name, List<RunFigures> runs, Function<RunFigures, String> cell) {
        StringBuilder line = new StringBuilder(String.format("%-38s", name));
        for (RunFigures run : runs) {
            line.append(String.format(" | %-30s", cell.apply(run)));
        }
        out.println(line);
    }

    private static String stats(Stats s) {
        return s.count() == 0 ? "-" : String.format("median %.0f, p99 %.0f", s.at(0.5), s.at(0.99));
    }

    private static String mb(double bytes) {
        return bytes < 0 ? "-" : String.format("%.0f MB", bytes / (1024 * 1024));
    }
}
