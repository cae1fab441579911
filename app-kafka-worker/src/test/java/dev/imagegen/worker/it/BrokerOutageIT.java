package dev.imagegen.worker.it;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The broker away for 30 s under load (issue 11 item 5): the workers ride it out. */
class BrokerOutageIT {

    @Test
    void two_workers_ride_out_a_30_second_broker_outage_without_losing_or_repeating_anything() throws Exception {
        BrokerOutage.run("outage30", Duration.ofSeconds(30));
    }
}
