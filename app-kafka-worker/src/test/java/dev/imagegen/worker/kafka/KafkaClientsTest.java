package dev.imagegen.worker.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.worker.config.KafkaSettings;
import dev.imagegen.worker.config.WorkerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every client gets the {@code IMAGEGEN_KAFKA_*} properties; the worker's own settings are its own. */
class KafkaClientsTest {

    private final KafkaClients clients = new KafkaClients(WorkerConfig.read(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092",
            "IMAGEGEN_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "IMAGEGEN_KAFKA_MAX_POLL_RECORDS", "50")));

    @Test
    void every_client_gets_the_environments_kafka_properties() {
        for (Map<String, Object> properties : List.of(clients.commandConsumerProperties(),
                clients.restoreConsumerProperties(), clients.producerProperties(), clients.adminProperties())) {
            assertEquals("SASL_SSL", properties.get("security.protocol"));
            assertEquals("b:9092", properties.get("bootstrap.servers"));
        }
    }

    @Test
    void the_workers_own_settings_win() {
        assertEquals("read_committed", clients.commandConsumerProperties().get("isolation.level"));
        assertEquals(false, clients.commandConsumerProperties().get("enable.auto.commit"));
        assertEquals(500, clients.commandConsumerProperties().get("max.poll.records"), "the loop's batch size");
        assertEquals("50", clients.restoreConsumerProperties().get("max.poll.records"), "a tuning it may take");
        assertEquals(true, clients.producerProperties().get("enable.idempotence"));
    }

    @Test
    void a_transaction_waits_for_a_broker_less_long_than_the_group_waits_for_the_loop() {
        int maxBlock = (Integer) clients.producerProperties().get("max.block.ms");
        int delivery = (Integer) clients.producerProperties().get("delivery.timeout.ms");
        int maxPollInterval = (Integer) clients.commandConsumerProperties().getOrDefault("max.poll.interval.ms",
                300_000);
        assertEquals(60_000, maxBlock, "a shorter outage is ridden out inside one transaction");
        org.junit.jupiter.api.Assertions.assertTrue(maxBlock < maxPollInterval, "a blocked loop stays in the group");
        org.junit.jupiter.api.Assertions.assertTrue(delivery > maxBlock, "batches outlive a blocked commit");
    }

    @Test
    void no_such_variables_no_extra_properties() {
        KafkaClients plain = new KafkaClients(WorkerConfig.read(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092"))
                .withKafka(KafkaSettings.NONE));
        assertEquals(Map.of("bootstrap.servers", "b:9092"), plain.adminProperties());
    }
}
