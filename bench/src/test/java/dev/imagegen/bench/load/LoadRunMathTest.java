package dev.imagegen.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.bench.load.EventFollower.Terminal;
import dev.imagegen.testkit.TaskLedger.TaskTrace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the load run's figures. */
class LoadRunMathTest {

    private static final Cadence XENODIA = new Cadence(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(15));

    @Test
    void the_fewest_calls_follow_the_cadence_exactly() {
        // calls at 1, 3, 7, 15, 30, 45, 60 s
        assertEquals(1, XENODIA.fewestCalls(Duration.ofMillis(500)));
        assertEquals(1, XENODIA.fewestCalls(Duration.ofSeconds(1)));
        assertEquals(2, XENODIA.fewestCalls(Duration.ofMillis(1001)));
        assertEquals(4, XENODIA.fewestCalls(Duration.ofSeconds(15)));
        assertEquals(5, XENODIA.fewestCalls(Duration.ofSeconds(16)));
        assertEquals(7, XENODIA.fewestCalls(Duration.ofSeconds(60)));
        assertEquals(8, XENODIA.fewestCalls(Duration.ofMillis(60_001)));
    }

    @Test
    void order_statistics_use_the_nearest_rank() {
        Stats stats = new Stats(IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray());
        assertEquals(50, stats.at(0.5));
        assertEquals(99, stats.at(0.99));
        assertEquals(100, stats.max());
        assertEquals("median 50, p99 99, max 100", stats.summary("%.0f"));
        assertTrue(Double.isNaN(new Stats(new double[0]).at(0.5)));
    }

    @Test
    void gauges_are_read_from_prometheus_text() {
        String text = """
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2097152.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
                jvm_memory_used_bytes_other 5.0
                imagegen_tasks_in_flight 10000.0
                jvm_threads_live_threads 23.0
                imagegen_transactions_duration_seconds_count 40.0
                imagegen_transactions_duration_seconds_sum 0.5
                """;
        WorkerGauges gauges = WorkerGauges.parse(text, 38, 1024);
        assertEquals(12_582_912, gauges.heapUsed());
        assertEquals(10_000, gauges.inFlight());
        assertEquals(23, gauges.jvmThreads());
        assertEquals(40, gauges.commits());
        assertEquals(0.5, gauges.commitSeconds());
        assertEquals(38, gauges.max(WorkerGauges.NONE).osThreads());
    }

    @Test
    void vendor_calls_are_listed_by_provider_call_and_outcome() {
        String text = """
                # TYPE imagegen_vendor_calls_total counter
                imagegen_vendor_calls_total{call="poll",outcome="ok",provider="apixo"} 120.0
                imagegen_vendor_calls_total{call="submit",outcome="OUTCOME_UNKNOWN",provider="apixo"} 2.0
                imagegen_vendor_calls_total{call="submit",outcome="ok",provider="apixo"} 40.0
                imagegen_vendor_call_duration_seconds_count{call="poll",provider="apixo"} 120.0
                """;
        assertEquals("apixo poll ok=120, apixo submit OUTCOME_UNKNOWN=2, apixo submit ok=40", LoadRun.vendorCalls(text));
    }

    @Test
    void commands_are_split_by_weight_and_bad_options_are_named() {
        LoadOptions options = LoadOptions.parse(new String[] {"--tasks=10", "--mix=xenodia:1,apixo:1,bailian:1"});
        assertEquals(Map.of("xenodia", 4, "apixo", 3, "bailian", 3), options.counts());
        assertEquals(10_000, LoadOptions.parse(new String[0]).counts().values().stream().mapToInt(i -> i).sum());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--taks=1"}))
                .getMessage().contains("taks"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--mix=midjourney:1"})).getMessage().contains("midjourney"));
        assertTrue(LoadOptions.parse(new String[] {"--apixo-callbacks=true"}).apixoCallbacks());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--apixo-callbacks=yes"})).getMessage().contains("yes"));
    }

    @Test
    void custody_runs_without_with_or_both_side_by_side() {
        assertEquals(List.of(false), LoadOptions.parse(new String[0]).custodyRuns());
        assertEquals(List.of(true), LoadOptions.parse(new String[] {"--custody=true"}).custodyRuns());
        assertEquals(List.of(false, true), LoadOptions.parse(new String[] {"--custody=both"}).custodyRuns());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--custody=s3"})).getMessage().contains("s3"));
    }

    @Test
    void a_task_is_in_flight_from_vendor_acceptance_until_its_event_is_readable() {
        List<Report.Task> tasks = List.of(task(0, 100), task(50, 150), task(100, 200), task(300, 400));
        assertEquals(2, Report.peakConcurrent(tasks));
        Report.Task first = task(0, 100);
        assertEquals(40, first.intervalInEffect());
        assertEquals(30, first.addedDelay());
        assertEquals(10, first.answerToEvent());
    }

    /** Created at {@code created}, finished 30 ms before its event, status asked 50 and 10 ms before the event. */
    private static Report.Task task(long created, long readAt) {
        return new Report.Task("xenodia", new TaskTrace("t" + created, created, readAt - 30,
                List.of(readAt - 50, readAt - 10)), new Terminal("c" + created, "SUCCEEDED", "xenodia", "t" + created,
                null, null, readAt - 5, readAt), 2);
    }
}
