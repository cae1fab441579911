package dev.imagegen.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.UnknownOutcomePolicy;
import dev.imagegen.spi.ConfigException;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

    private static WorkerConfig read(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        all.putAll(env);
        return WorkerConfig.read(ProviderConfig.of(all));
    }

    private static ConfigException failure(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> read(env));
    }

    @Test
    void defaults_are_the_contracts() {
        WorkerConfig c = read(Map.of());
        assertEquals("imagegen-worker", c.groupId());
        assertEquals(new Topics("imagegen.commands", "imagegen.events", "imagegen.commands.dlq", "imagegen.tasks"),
                c.topics());
        assertEquals(6, c.partitions());
        assertEquals(List.of(ProviderId.of("xenodia"), ProviderId.of("apixo"), ProviderId.of("bailian")),
                c.providerOrder());
        assertEquals(UnknownOutcomePolicy.FAIL, c.unknownOutcome());
        assertEquals("127.0.0.1", c.httpAddress());
        assertEquals(8080, c.httpPort());
        assertEquals(Duration.ofSeconds(10), c.drainTimeout());
        assertEquals(Duration.ofDays(7), c.dedupRetention());
    }

    @Test
    void the_dedup_retention_is_read_in_days_and_a_too_short_one_is_named() {
        assertEquals(Duration.ofDays(30), read(Map.of("IMAGEGEN_DEDUP_RETENTION", "30d")).dedupRetention());
        assertEquals(Duration.ofHours(2), read(Map.of("IMAGEGEN_DEDUP_RETENTION", "2h")).dedupRetention());
        ConfigException tooShort = failure(Map.of("IMAGEGEN_DEDUP_RETENTION", "30s"));
        assertEquals("IMAGEGEN_DEDUP_RETENTION", tooShort.key());
        assertTrue(tooShort.getMessage().contains("at least 1m"), tooShort.getMessage());
        assertEquals("IMAGEGEN_DEDUP_RETENTION", failure(Map.of("IMAGEGEN_DEDUP_RETENTION", "a week")).key());
    }

    @Test
    void every_setting_is_read() {
        WorkerConfig c = read(Map.of("IMAGEGEN_GROUP_ID", "g", "IMAGEGEN_COMMANDS_TOPIC", "c",
                "IMAGEGEN_PARTITIONS", "3", "IMAGEGEN_PROVIDER_ORDER", "apixo, xenodia",
                "IMAGEGEN_UNKNOWN_OUTCOME_POLICY", "resubmit", "IMAGEGEN_HTTP_PORT", "0",
                "IMAGEGEN_DRAIN_TIMEOUT", "250ms"));
        assertEquals("g", c.groupId());
        assertEquals("c", c.topics().commands());
        assertEquals(3, c.partitions());
        assertEquals(List.of(ProviderId.of("apixo"), ProviderId.of("xenodia")), c.providerOrder());
        assertEquals(UnknownOutcomePolicy.RESUBMIT, c.unknownOutcome());
        assertEquals(0, c.httpPort());
        assertEquals(Duration.ofMillis(250), c.drainTimeout());
    }

    @Test
    void a_missing_bootstrap_list_is_named() {
        ConfigException e = assertThrows(ConfigException.class, () -> WorkerConfig.read(ProviderConfig.of(Map.of())));
        assertEquals("KAFKA_BOOTSTRAP_SERVERS", e.key());
    }

    @Test
    void each_bad_setting_is_named() {
        assertEquals("IMAGEGEN_PARTITIONS", failure(Map.of("IMAGEGEN_PARTITIONS", "zero")).key());
        assertEquals("IMAGEGEN_PARTITIONS", failure(Map.of("IMAGEGEN_PARTITIONS", "0")).key());
        assertEquals("IMAGEGEN_UNKNOWN_OUTCOME_POLICY",
                failure(Map.of("IMAGEGEN_UNKNOWN_OUTCOME_POLICY", "maybe")).key());
        assertEquals("IMAGEGEN_HTTP_PORT", failure(Map.of("IMAGEGEN_HTTP_PORT", "70000")).key());
        assertEquals("IMAGEGEN_PROVIDER_ORDER", failure(Map.of("IMAGEGEN_PROVIDER_ORDER", "apixo,,x")).key());
        assertEquals("IMAGEGEN_PROVIDER_ORDER", failure(Map.of("IMAGEGEN_PROVIDER_ORDER", "apixo,apixo")).key());
        assertEquals("IMAGEGEN_EVENTS_TOPIC", failure(Map.of("IMAGEGEN_EVENTS_TOPIC", "bad topic")).key());
        assertEquals("IMAGEGEN_DRAIN_TIMEOUT", failure(Map.of("IMAGEGEN_DRAIN_TIMEOUT", "10")).key());
    }

    @Test
    void messages_are_one_line() {
        ConfigException e = failure(Map.of("IMAGEGEN_PARTITIONS", "zero"));
        assertTrue(e.getMessage().startsWith("IMAGEGEN_PARTITIONS: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
