package dev.imagegen.adapter.apixo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.spi.Resolution;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApixoFirstPollTest {

    @Test
    void first_poll_follows_the_seed_timing_by_resolution_from_the_configured_first_wait() {
        Duration oneK = Duration.ofSeconds(20);
        assertEquals(Duration.ofSeconds(20), ApixoMapper.firstPoll(null, oneK).eta());
        assertEquals(Duration.ofSeconds(20), ApixoMapper.firstPoll(Resolution.ONE_K, oneK).eta());
        assertEquals(Duration.ofSeconds(30), ApixoMapper.firstPoll(Resolution.TWO_K, oneK).eta());
        assertEquals(Duration.ofSeconds(45), ApixoMapper.firstPoll(Resolution.FOUR_K, oneK).eta());
    }

    @Test
    void a_shorter_configured_first_wait_scales_every_resolution() {
        assertEquals(Duration.ofMillis(450), ApixoMapper.firstPoll(Resolution.FOUR_K, Duration.ofMillis(200)).eta());
    }
}
