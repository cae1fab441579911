package dev.imagegen.worker.config;

import dev.imagegen.spi.ConfigKey;
import dev.imagegen.store.StoreOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's own configuration keys, each defined once with its default and doc (CONTRACT.md section 4); the
 * result custody keys are defined by the image store ({@link StoreOptions#keys()}).
 */
public final class WorkerKeys {

    public static final ConfigKey BOOTSTRAP_SERVERS = ConfigKey.of("KAFKA_BOOTSTRAP_SERVERS", null,
            "Kafka bootstrap list (required for run)");
    public static final ConfigKey GROUP_ID = ConfigKey.of("IMAGEGEN_GROUP_ID", "imagegen-worker",
            "consumer group; run more instances with the same id to scale out");
    public static final ConfigKey COMMANDS_TOPIC = ConfigKey.of("IMAGEGEN_COMMANDS_TOPIC", "imagegen.commands",
            "topic of generation commands (key commandId)");
    public static final ConfigKey EVENTS_TOPIC = ConfigKey.of("IMAGEGEN_EVENTS_TOPIC", "imagegen.events",
            "topic of task events, written transactionally (read with isolation.level=read_committed)");
    public static final ConfigKey DLQ_TOPIC = ConfigKey.of("IMAGEGEN_DLQ_TOPIC", "imagegen.commands.dlq",
            "dead letters: records that cannot be read as a command, unchanged, with error headers");
    public static final ConfigKey TASKS_TOPIC = ConfigKey.of("IMAGEGEN_TASKS_TOPIC", "imagegen.tasks",
            "compacted topic of in-flight task state, co-partitioned with the commands topic");
    public static final ConfigKey PARTITIONS = ConfigKey.of("IMAGEGEN_PARTITIONS", "6",
            "partitions of topics the worker creates at start");
    public static final ConfigKey PROVIDER_ORDER = ConfigKey.of("IMAGEGEN_PROVIDER_ORDER", "xenodia,apixo,bailian",
            "routing and fallback order of providers");
    public static final ConfigKey UNKNOWN_OUTCOME_POLICY = ConfigKey.of("IMAGEGEN_UNKNOWN_OUTCOME_POLICY", "fail",
            "a submit in doubt (a crash, a lost answer, a 504): fail (FAILED/OUTCOME_UNKNOWN) or resubmit");
    public static final ConfigKey HTTP_ADDRESS = ConfigKey.of("IMAGEGEN_HTTP_ADDRESS", "127.0.0.1",
            "address of the worker's HTTP endpoint (health, metrics, vendor callbacks)");
    public static final ConfigKey HTTP_PORT = ConfigKey.of("IMAGEGEN_HTTP_PORT", "8080",
            "port of the worker's HTTP endpoint (0: any free port)");
    public static final ConfigKey DEDUP_RETENTION = ConfigKey.of("IMAGEGEN_DEDUP_RETENTION", "7d",
            "a commandId is generated at most once within this time after its terminal event (and a cancel that came "
                    + "first is remembered this long); then it is forgotten, in memory and in the tasks topic");
    public static final ConfigKey DRAIN_TIMEOUT = ConfigKey.of("IMAGEGEN_DRAIN_TIMEOUT", "10s",
            "on SIGTERM or a partition handover: how long to wait for vendor submits in flight to answer");

    private WorkerKeys() {
    }

    /** Every key of the worker itself, result custody's included, in the order --help lists them. */
    public static List<ConfigKey> all() {
        List<ConfigKey> keys = new ArrayList<>(List.of(BOOTSTRAP_SERVERS, GROUP_ID, COMMANDS_TOPIC, EVENTS_TOPIC,
                DLQ_TOPIC, TASKS_TOPIC, PARTITIONS, PROVIDER_ORDER, UNKNOWN_OUTCOME_POLICY, HTTP_ADDRESS, HTTP_PORT,
                DRAIN_TIMEOUT, DEDUP_RETENTION));
        keys.addAll(StoreOptions.keys());
        return List.copyOf(keys);
    }
}
