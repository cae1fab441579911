package dev.imagegen.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.bailian.BailianSimulator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchSuiteTest {

    @Test
    void the_last_line_is_one_json_object_with_missing_figures_as_null() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("inflight_tasks", 10000L);
        figures.put("status_calls_per_task", 1.25);
        figures.put("peer_status_calls_per_task", Double.NaN);
        figures.put("peer_rss_mb_at_peak", null);
        assertEquals("{\"inflight_tasks\":10000,\"status_calls_per_task\":1.25,\"peer_status_calls_per_task\":null,"
                + "\"peer_rss_mb_at_peak\":null}", BenchSuite.json(figures));
    }

    @Test
    void the_bailian_style_is_an_option_of_the_load_run() {
        assertEquals(BailianSimulator.Style.GATEWAY, LoadOptions.parse(new String[0]).style());
        assertEquals(BailianSimulator.Style.DASHSCOPE,
                LoadOptions.parse(new String[] {"--bailian-style=dashscope"}).style());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--bailian-style=ark"})).getMessage().contains("ark"));
        assertEquals(Map.of("A", "1"), LoadOptions.parse(new String[0]).withWorkerEnv(Map.of("A", "1")).workerEnv());
    }

    @Test
    void warm_up_rounds_default_to_one_and_must_be_at_least_one() {
        assertEquals(1, LoadOptions.parse(new String[0]).warmupRounds());
        assertEquals(8, LoadOptions.parse(new String[] {"--warmup=100", "--warmup-rounds=8"}).warmupRounds());
        assertEquals(8, LoadOptions.parse(new String[] {"--warmup-rounds=8"}).withWorkerEnv(Map.of()).warmupRounds());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--warmup-rounds=0"})).getMessage().contains("--warmup-rounds"));
    }
}
