package dev.imagegen.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkerMetricsTest {

    @Test
    void each_meter_is_registered_once_and_counts_every_use() {
        try (WorkerMetrics metrics = new WorkerMetrics()) {
            metrics.event("SUCCEEDED");
            metrics.vendorCall("xenodia", "submit", "ok", 1_000_000);
            metrics.callback("POLLED");
            int meters = metrics.meterCount();

            for (int i = 0; i < 999; i++) {
                metrics.event("SUCCEEDED");
                metrics.vendorCall("xenodia", "submit", "ok", 1_000_000);
                metrics.callback("POLLED");
            }

            assertEquals(meters, metrics.meterCount());
            String scrape = metrics.scrape();
            assertTrue(scrape.contains("imagegen_events_total{status=\"SUCCEEDED\"} 1000.0"), scrape);
            assertTrue(scrape.contains(
                    "imagegen_vendor_calls_total{call=\"submit\",outcome=\"ok\",provider=\"xenodia\"} 1000.0"), scrape);
            assertTrue(scrape.contains("imagegen_callbacks_total{verdict=\"POLLED\"} 1000.0"), scrape);
        }
    }

    @Test
    void a_new_label_value_adds_its_own_meter() {
        try (WorkerMetrics metrics = new WorkerMetrics()) {
            metrics.event("SUCCEEDED");
            int meters = metrics.meterCount();
            metrics.event("FAILED");
            assertEquals(meters + 1, metrics.meterCount());
        }
    }
}
