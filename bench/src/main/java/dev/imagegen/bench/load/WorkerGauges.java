package dev.imagegen.bench.load;

import java.util.function.Predicate;

/**
 * What one scrape of the worker's {@code /metrics} (and the kernel's view of the process) said.
 *
 * @param inFlight     tasks the worker's engine drives ({@code imagegen_tasks_in_flight})
 * @param heapUsed     heap bytes in use, all pools
 * @param liveData     heap bytes live after the last collection ({@code jvm_gc_live_data_size_bytes})
 * @param jvmThreads   live Java threads
 * @param osThreads    all threads of the process (Java, GC, JIT), or -1
 * @param rss          resident memory bytes, or -1
 * @param cpu          the process's recent CPU use, 0..1 of the machine
 * @param commits      Kafka transactions committed so far
 * @param commitSeconds their total duration
 * @param commitMax    the longest one lately (seconds)
 */
record WorkerGauges(double inFlight, double heapUsed, double liveData, double jvmThreads, long osThreads, long rss,
                    double cpu, double commits, double commitSeconds, double commitMax) {

    static WorkerGauges parse(String text, long osThreads, long rss) {
        return new WorkerGauges(sum(text, "imagegen_tasks_in_flight", l -> true),
                sum(text, "jvm_memory_used_bytes", l -> l.contains("area=\"heap\"")),
                sum(text, "jvm_gc_live_data_size_bytes", l -> true),
                sum(text, "jvm_threads_live_threads", l -> true), osThreads, rss,
                sum(text, "process_cpu_usage", l -> true),
                sum(text, "imagegen_transactions_duration_seconds_count", l -> true),
                sum(text, "imagegen_transactions_duration_seconds_sum", l -> true),
                sum(text, "imagegen_transactions_duration_seconds_max", l -> true));
    }

    /** The larger of each field. */
    WorkerGauges max(WorkerGauges o) {
        return new WorkerGauges(Math.max(inFlight, o.inFlight), Math.max(heapUsed, o.heapUsed),
                Math.max(liveData, o.liveData), Math.max(jvmThreads, o.jvmThreads), Math.max(osThreads, o.osThreads),
                Math.max(rss, o.rss), Math.max(cpu, o.cpu), Math.max(commits, o.commits),
                Math.max(commitSeconds, o.commitSeconds), Math.max(commitMax, o.commitMax));
    }

    static final WorkerGauges NONE = new WorkerGauges(0, 0, 0, 0, -1, -1, 0, 0, 0, 0);

    /** The sum of a metric's samples whose label text passes the filter (Prometheus text format). */
    static double sum(String text, String name, Predicate<String> labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name) && line.length() > name.length()
                    && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')) {
                int space = line.lastIndexOf(' ');
                if (labels.test(line.substring(0, space))) {
                    total += Double.parseDouble(line.substring(space + 1));
                }
            }
        }
        return total;
    }
}
