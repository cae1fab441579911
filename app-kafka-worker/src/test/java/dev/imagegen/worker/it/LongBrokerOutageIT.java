package dev.imagegen.worker.it;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The broker away for 75 s under load (issue 11 item 8): longer than the producer's 60 s {@code max.block.ms}, so
 * transactions fail during the outage; the workers still recover within seconds of the broker's return. Runs in the
 * {@code long-outage} profile only ({@code mvn -pl app-kafka-worker -am verify -Plong-outage}).
 */
class LongBrokerOutageIT {

    @Test
    void two_workers_recover_quickly_after_a_75_second_broker_outage() throws Exception {
        BrokerOutage.run("outage75", Duration.ofSeconds(75));
    }
}
