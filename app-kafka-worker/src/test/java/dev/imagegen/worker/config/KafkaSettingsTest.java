package dev.imagegen.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code IMAGEGEN_KAFKA_*} variables become client properties; unknown or reserved ones are refused by name. */
class KafkaSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"worker\" password=\"s3cret-pass\";";

    @Test
    void variables_become_properties_with_dots_for_underscores() {
        KafkaSettings settings = KafkaSettings.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "IMAGEGEN_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "IMAGEGEN_KAFKA_SASL_MECHANISM", "PLAIN", "IMAGEGEN_KAFKA_SASL_JAAS_CONFIG", JAAS,
                "IMAGEGEN_KAFKA_REQUEST_TIMEOUT_MS", "20000", "PATH", "/usr/bin", "IMAGEGEN_GROUP_ID", "g", "KAFKA_HOME", "/opt/kafka",
                "KAFKA_OPTS", "-Xmx1g"));

        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN", "sasl.jaas.config", JAAS,
                "request.timeout.ms", "20000"), settings.properties());
        assertEquals(List.of(JAAS), settings.secrets(), "password properties are secrets");
    }

    @Test
    void an_unknown_property_is_refused_naming_the_variable_and_never_its_value() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> KafkaSettings.fromEnvironment(Map.of("IMAGEGEN_KAFKA_SASL_JASS_CONFIG", JAAS)));
        assertTrue(e.getMessage().startsWith("IMAGEGEN_KAFKA_SASL_JASS_CONFIG: 'sasl.jass.config' is not a Kafka client"),
                e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-pass"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMAGEGEN_KAFKA_ISOLATION_LEVEL", "IMAGEGEN_KAFKA_ENABLE_AUTO_COMMIT",
        "IMAGEGEN_KAFKA_TRANSACTIONAL_ID", "IMAGEGEN_KAFKA_GROUP_ID", "IMAGEGEN_KAFKA_ACKS",
        "IMAGEGEN_KAFKA_TRANSACTION_TIMEOUT_MS"})
    void what_the_worker_sets_itself_cannot_be_changed(String variable) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> KafkaSettings.fromEnvironment(Map.of(variable, "x")));
        assertTrue(e.getMessage().startsWith(variable + ": ") && e.getMessage().contains("set by the worker"),
                e.getMessage());
    }

    @Test
    void the_bootstrap_servers_have_their_own_variable() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> KafkaSettings.fromEnvironment(Map.of("IMAGEGEN_KAFKA_BOOTSTRAP_SERVERS", "b:9092")));
        assertTrue(e.getMessage().contains("KAFKA_BOOTSTRAP_SERVERS"), e.getMessage());
    }

    @Test
    void the_worker_config_read_from_the_environment_carries_them() {
        WorkerConfig config = WorkerConfig.read(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "IMAGEGEN_KAFKA_SECURITY_PROTOCOL", "SSL"));
        assertEquals("b:9092", config.bootstrapServers());
        assertEquals(Map.of("security.protocol", "SSL"), config.kafka().properties());
    }
}
