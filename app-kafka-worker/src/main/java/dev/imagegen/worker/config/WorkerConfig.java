package dev.imagegen.worker.config;

import dev.imagegen.core.UnknownOutcomePolicy;
import dev.imagegen.spi.ConfigException;
import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.Durations;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The worker's settings, read and checked from the environment ({@link WorkerKeys}).
 *
 * @param bootstrapServers  Kafka bootstrap list
 * @param groupId           consumer group
 * @param topics            topic names
 * @param partitions        partitions of created topics
 * @param providerOrder     routing and fallback order
 * @param unknownOutcome    what to do with a submit in doubt
 * @param httpAddress       address of the HTTP endpoint
 * @param httpPort          port of the HTTP endpoint, 0 for any
 * @param drainTimeout      how long a drain waits for submits in flight
 * @param dedupRetention    how long a finished commandId (and a cancel that came first) is remembered
 * @param kafka             Kafka client properties from {@code IMAGEGEN_KAFKA_*} variables
 * @param clientOverrides   extra Kafka client properties (tests tune timeouts with them), never null
 */
public record WorkerConfig(String bootstrapServers, String groupId, Topics topics, int partitions,
                           List<ProviderId> providerOrder, UnknownOutcomePolicy unknownOutcome, String httpAddress,
                           int httpPort, Duration drainTimeout, Duration dedupRetention, KafkaSettings kafka,
                           Map<String, Object> clientOverrides) {

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    /** The shortest dedup retention: below it, a command redelivered after a rebalance could run twice. */
    static final Duration MIN_DEDUP_RETENTION = Duration.ofMinutes(1);

    public WorkerConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        providerOrder = List.copyOf(providerOrder);
        Objects.requireNonNull(kafka, "kafka");
        clientOverrides = Map.copyOf(clientOverrides);
    }

    /**
     * Reads every worker key and the {@code IMAGEGEN_KAFKA_*} client properties ({@link KafkaSettings}) from the
     * environment.
     *
     * @throws ConfigException naming the first variable that is missing or malformed
     */
    public static WorkerConfig read(Map<String, String> environment) {
        WorkerConfig config = read(ProviderConfig.of(environment::get));
        return config.withKafka(KafkaSettings.fromEnvironment(environment));
    }

    /**
     * Reads every worker key (no {@code IMAGEGEN_KAFKA_*} client properties).
     *
     * @throws ConfigException naming the first key that is missing or malformed
     */
    public static WorkerConfig read(ProviderConfig config) {
        Topics topics = new Topics(topic(config, WorkerKeys.COMMANDS_TOPIC), topic(config, WorkerKeys.EVENTS_TOPIC),
                topic(config, WorkerKeys.DLQ_TOPIC), topic(config, WorkerKeys.TASKS_TOPIC));
        String groupId = config.string(WorkerKeys.GROUP_ID);
        int partitions = config.integer(WorkerKeys.PARTITIONS, 1, 10_000);
        List<ProviderId> order = providerOrder(config);
        UnknownOutcomePolicy policy = UnknownOutcomePolicy.valueOf(
                config.oneOf(WorkerKeys.UNKNOWN_OUTCOME_POLICY, "fail", "resubmit").toUpperCase(Locale.ROOT));
        String address = config.string(WorkerKeys.HTTP_ADDRESS);
        int port = config.integer(WorkerKeys.HTTP_PORT, 0, 65_535);
        Duration drain = config.duration(WorkerKeys.DRAIN_TIMEOUT);
        Duration retention = config.duration(WorkerKeys.DEDUP_RETENTION);
        if (retention.compareTo(MIN_DEDUP_RETENTION) < 0) {
            throw new ConfigException(WorkerKeys.DEDUP_RETENTION.name(), Durations.format(retention)
                    + " is too short: write at least " + Durations.format(MIN_DEDUP_RETENTION));
        }
        String bootstrap = config.string(WorkerKeys.BOOTSTRAP_SERVERS);
        return new WorkerConfig(bootstrap, groupId, topics, partitions, order, policy, address, port, drain,
                retention, KafkaSettings.NONE, Map.of());
    }

    /** The same settings with these {@code IMAGEGEN_KAFKA_*} client properties. */
    public WorkerConfig withKafka(KafkaSettings value) {
        return new WorkerConfig(bootstrapServers, groupId, topics, partitions, providerOrder, unknownOutcome,
                httpAddress, httpPort, drainTimeout, dedupRetention, value, clientOverrides);
    }

    /** The same settings with extra Kafka client properties. */
    public WorkerConfig withClientOverrides(Map<String, Object> value) {
        return new WorkerConfig(bootstrapServers, groupId, topics, partitions, providerOrder, unknownOutcome,
                httpAddress, httpPort, drainTimeout, dedupRetention, kafka, value);
    }

    private static String topic(ProviderConfig config, ConfigKey key) {
        String name = config.string(key);
        if (!TOPIC.matcher(name).matches()) {
            throw new ConfigException(key.name(), "'" + name + "' is not a topic name (1-249 of [A-Za-z0-9._-])");
        }
        return name;
    }

    private static List<ProviderId> providerOrder(ProviderConfig config) {
        List<ProviderId> order = new ArrayList<>();
        for (String part : config.string(WorkerKeys.PROVIDER_ORDER).split(",", -1)) {
            try {
                ProviderId id = ProviderId.of(part.trim());
                if (order.contains(id)) {
                    throw new ConfigException(WorkerKeys.PROVIDER_ORDER.name(), "names '" + id + "' twice");
                }
                order.add(id);
            } catch (ConfigException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(WorkerKeys.PROVIDER_ORDER.name(), "'" + part.trim()
                        + "' is not a provider id (a comma-separated list such as xenodia,apixo,bailian)");
            }
        }
        return order;
    }
}
