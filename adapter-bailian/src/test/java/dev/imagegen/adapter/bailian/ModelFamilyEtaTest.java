package dev.imagegen.adapter.bailian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelFamilyEtaTest {

    @Test
    void task_families_hint_a_multiple_of_the_configured_first_wait_and_sync_families_none() {
        Duration firstWait = Duration.ofSeconds(5);
        assertEquals(Optional.of(Duration.ofSeconds(15)), ModelFamily.WAN_T2I.eta(firstWait));
        assertEquals(Optional.of(Duration.ofSeconds(20)), ModelFamily.WAN_I2I.eta(firstWait));
        assertEquals(Optional.empty(), ModelFamily.QWEN_IMAGE.eta(firstWait));
        assertEquals(Optional.empty(), ModelFamily.SEEDREAM_45.eta(firstWait));
    }
}
