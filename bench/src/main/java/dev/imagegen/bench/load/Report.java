package dev.imagegen.bench.load;

import dev.imagegen.bench.load.EventFollower.Terminal;
import dev.imagegen.testkit.TaskLedger;
import dev.imagegen.testkit.TaskLedger.TaskTrace;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Joins what the worker wrote (terminal events, read here) with what the vendors saw (each simulator's task
 * ledger) and prints the figures of the run.
 */
final class Report {

    /** The added delay may exceed the poll interval in effect by this much (the bound). */
    static final long SLACK_MS = 100;

    /** One succeeded task, seen from both ends. */
    record Task(String provider, TaskTrace trace, Terminal terminal, int fewestCalls) {

        int calls() {
            return trace.statusCalls().size();
        }

        long lastCall() {
            return trace.statusCalls().get(calls() - 1);
        }

        /** The gap between the call that saw the task finished and the call before it (or the submit). */
        long intervalInEffect() {
            return lastCall() - (calls() > 1 ? trace.statusCalls().get(calls() - 2) : trace.createdMillis());
        }

        /** From the vendor finishing to the terminal event being readable. */
        long addedDelay() {
            return terminal.readAtMillis() - trace.finishesMillis();
        }

        /** From the status call that saw it finished to the engine's terminal transition. */
        long answerToTransition() {
            return terminal.occurredAtMillis() - lastCall();
        }

        /** From the status call that saw it finished to the terminal event being readable. */
        long answerToEvent() {
            return terminal.readAtMillis() - lastCall();
        }
    }

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    /** Prints the per-provider figures; returns the succeeded tasks that could be joined. */
    List<Task> providers(Map<String, Integer> sent, Map<String, Terminal> terminals,
                         Function<String, TaskLedger> ledgers, Map<String, Cadence> cadences) {
        List<Task> all = new ArrayList<>();
        for (String provider : sent.keySet()) {
            Cadence cadence = cadences.get(provider);
            Map<String, TaskTrace> traces = ledgers.apply(provider).traces().stream()
                    .collect(Collectors.toMap(TaskTrace::taskId, t -> t));
            List<Terminal> ended = terminals.values().stream().filter(t -> provider.equals(t.provider())).toList();
            Map<String, Long> outcomes = new TreeMap<>(ended.stream().collect(Collectors.groupingBy(
                    t -> t.errorCode() == null ? t.status() : t.status() + "/" + t.errorCode(), Collectors.counting())));
            List<Task> tasks = new ArrayList<>();
            for (Terminal t : ended) {
                TaskTrace trace = t.providerTaskId() == null ? null : traces.get(t.providerTaskId());
                if ("SUCCEEDED".equals(t.status()) && trace != null && !trace.statusCalls().isEmpty()
                        && trace.finishesMillis() != TaskLedger.NEVER) {
                    tasks.add(new Task(provider, trace, t, cadence.fewestCalls(
                            Duration.ofMillis(trace.finishesMillis() - trace.createdMillis()))));
                }
            }
            all.addAll(tasks);
            out.printf("%n%s: %d sent, outcomes %s, %d vendor tasks created%n", provider, sent.get(provider), outcomes,
                    traces.size());
            ended.stream().filter(t -> t.errorMessage() != null).collect(Collectors.groupingBy(
                    Terminal::errorMessage, TreeMap::new, Collectors.counting())).entrySet().stream().limit(3)
                    .forEach(m -> out.printf("  %d failed: %s%n", m.getValue(), m.getKey()));
            out.printf("  cadence: %s%n", cadence);
            if (tasks.isEmpty()) {
                continue;
            }
            out.printf("  status calls per task:            %s (the cadence's fewest: %s)%n",
                    stats(tasks, t -> t.calls()).summary("%.0f"), stats(tasks, t -> t.fewestCalls()).summary("%.0f"));
            out.printf("  calls / fewest the cadence allows: %s%n",
                    stats(tasks, t -> (double) t.calls() / t.fewestCalls()).summary("%.2f"));
            out.printf("  interval in effect at the end:    %s ms%n",
                    stats(tasks, t -> t.intervalInEffect()).summary("%.0f"));
            out.printf("  vendor done -> event readable:    %s ms%n",
                    stats(tasks, t -> t.addedDelay()).summary("%.0f"));
            out.printf("  last status call -> event:        %s ms%n",
                    stats(tasks, t -> t.answerToEvent()).summary("%.0f"));
            out.printf("    of which call -> transition:    %s ms%n",
                    stats(tasks, t -> t.answerToTransition()).summary("%.0f"));
            long within = tasks.stream().filter(t -> t.addedDelay() <= t.intervalInEffect() + SLACK_MS).count();
            out.printf("  added delay <= interval + %d ms:  %d of %d%n", SLACK_MS, within, tasks.size());
        }
        return all;
    }

    /** The most tasks at once between their vendor accepting them and their terminal event being readable. */
    static int peakConcurrent(List<Task> tasks) {
        long[][] edges = new long[tasks.size() * 2][];
        int i = 0;
        for (Task t : tasks) {
            edges[i++] = new long[] {t.trace().createdMillis(), 1};
            edges[i++] = new long[] {t.terminal().readAtMillis(), -1};
        }
        java.util.Arrays.sort(edges, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int peak = 0;
        for (long[] edge : edges) {
            now += (int) edge[1];
            peak = Math.max(peak, now);
        }
        return peak;
    }

    static Stats stats(List<Task> tasks, Function<Task, Number> value) {
        return new Stats(tasks.stream().mapToDouble(t -> value.apply(t).doubleValue()).toArray());
    }
}
