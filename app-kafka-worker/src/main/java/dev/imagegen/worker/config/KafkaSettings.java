package dev.imagegen.worker.config;

import dev.imagegen.spi.ConfigException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Kafka client properties from the environment, for what a real cluster needs beyond its address (TLS, SASL,
 * timeouts): {@code IMAGEGEN_KAFKA_<NAME>} becomes the property {@code <name>} with underscores as dots, for every
 * client of the worker, e.g. {@code IMAGEGEN_KAFKA_SECURITY_PROTOCOL=SASL_SSL},
 * {@code IMAGEGEN_KAFKA_SASL_MECHANISM=PLAIN}, {@code IMAGEGEN_KAFKA_SASL_JAAS_CONFIG=...}. (Not {@code KAFKA_*}:
 * Kafka's own tools and images use that for {@code KAFKA_HOME}, {@code KAFKA_OPTS} and the like.) A name no Kafka
 * client knows is refused, and so is a property the worker sets itself because its guarantees depend on it
 * (transactions, read_committed, manual offsets). Values of password properties are secrets.
 *
 * @param properties property name → value, sorted by name
 */
public record KafkaSettings(Map<String, String> properties) {

    /** The prefix of the environment variables read here. */
    public static final String PREFIX = "IMAGEGEN_KAFKA_";

    /** Properties the worker sets itself (or through its own variables); changing them would break its guarantees. */
    static final Set<String> RESERVED = Set.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ConsumerConfig.GROUP_ID_CONFIG,
            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.ACKS_CONFIG,
            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConsumerConfig.CLIENT_ID_CONFIG);

    private static final List<ConfigDef> DEFINITIONS = List.of(ConsumerConfig.configDef(),
            ProducerConfig.configDef(), AdminClientConfig.configDef());

    public KafkaSettings {
        properties = Map.copyOf(properties);
    }

    /** No extra properties. */
    public static final KafkaSettings NONE = new KafkaSettings(Map.of());

    /**
     * Reads every {@code IMAGEGEN_KAFKA_*} variable.
     *
     * @throws ConfigException naming the first variable that no Kafka client knows or that the worker reserves
     */
    public static KafkaSettings fromEnvironment(Map<String, String> environment) {
        Map<String, String> properties = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            String variable = e.getKey();
            if (!variable.startsWith(PREFIX)) {
                continue;
            }
            String property = variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            if (property.equals(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                throw new ConfigException(variable, "the bootstrap servers are set with "
                        + WorkerKeys.BOOTSTRAP_SERVERS.name());
            }
            if (RESERVED.contains(property)) {
                throw new ConfigException(variable, "'" + property + "' is set by the worker and cannot be changed");
            }
            if (DEFINITIONS.stream().noneMatch(d -> d.names().contains(property))) {
                throw new ConfigException(variable, "'" + property + "' is not a Kafka client property ("
                        + PREFIX + "* variables name one with underscores for dots, e.g. " + PREFIX
                        + "SECURITY_PROTOCOL)");
            }
            properties.put(property, e.getValue());
        }
        return new KafkaSettings(properties);
    }

    /** The values of password properties (SASL JAAS config, key and trust store passwords): never to be shown. */
    public List<String> secrets() {
        return properties.entrySet().stream().filter(e -> isPassword(e.getKey())).map(Map.Entry::getValue).toList();
    }

    static boolean isPassword(String property) {
        return DEFINITIONS.stream().map(d -> d.configKeys().get(property))
                .anyMatch(k -> k != null && k.type == ConfigDef.Type.PASSWORD);
    }
}
