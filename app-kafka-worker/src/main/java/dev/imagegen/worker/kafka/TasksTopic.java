package dev.imagegen.worker.kafka;

import dev.imagegen.spi.Durations;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the tasks topic must be: compacted, so the latest state of every in-flight task stays (the worker writes a
 * long-running task's state again before half a retention passes), and deleting records after the dedup retention,
 * so finished commandIds are forgotten and the topic stays bounded.
 */
final class TasksTopic {

    private static final Logger LOG = LoggerFactory.getLogger(TasksTopic.class);

    private TasksTopic() {
    }

    /** The configs the worker gives the tasks topic it creates. */
    static Map<String, String> configs(Duration retention) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete",
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()),
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(segment(retention).toMillis()));
    }

    /** Segments roll at a tenth of the retention (between a minute and a day), so old ones can be deleted. */
    static Duration segment(Duration retention) {
        Duration tenth = retention.dividedBy(10);
        if (tenth.compareTo(Duration.ofMinutes(1)) < 0) {
            return Duration.ofMinutes(1);
        }
        return tenth.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : tenth;
    }

    /**
     * Checks a tasks topic that exists.
     *
     * @throws IllegalStateException naming the setting, when the topic could drop state the worker still needs
     */
    static void check(Admin admin, String topic, Duration retention) throws InterruptedException,
            ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config;
        try {
            config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                LOG.warn("not allowed to read the configs of the tasks topic {}; assuming it is compacted and keeps "
                        + "records at least {}", topic, Durations.format(retention));
                return;
            }
            throw e;
        }
        Set<String> policy = Set.of(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value().split(","));
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            throw new IllegalStateException("the tasks topic '" + topic + "' has cleanup.policy="
                    + String.join(",", policy) + ": it would drop the state of tasks in flight; it must be compact "
                    + "(or compact,delete with retention.ms at least IMAGEGEN_DEDUP_RETENTION)");
        }
        long retentionMs = Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
        if (policy.contains(TopicConfig.CLEANUP_POLICY_DELETE) && retentionMs >= 0
                && retentionMs < retention.toMillis()) {
            throw new IllegalStateException("the tasks topic '" + topic + "' has retention.ms=" + retentionMs
                    + ", shorter than IMAGEGEN_DEDUP_RETENTION=" + Durations.format(retention) + " ("
                    + retention.toMillis() + " ms): a commandId would be forgotten (and could run twice) before the "
                    + "retention; raise retention.ms or lower IMAGEGEN_DEDUP_RETENTION");
        }
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
            makeBounded(admin, resource, retention);
        }
    }

    /** A topic that only compacts keeps every commandId forever: make it delete after the retention too. */
    private static void makeBounded(Admin admin, ConfigResource resource, Duration retention)
            throws InterruptedException, TimeoutException, ExecutionException {
        Collection<AlterConfigOp> ops = configs(retention).entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        try {
            admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(30, TimeUnit.SECONDS);
            LOG.info("the tasks topic {} now deletes records after {} (cleanup.policy=compact,delete), so finished "
                    + "commandIds are forgotten", resource.name(), Durations.format(retention));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof AuthorizationException)) {
                throw e;
            }
            LOG.warn("the tasks topic {} only compacts, so it keeps every finished commandId forever, and the worker "
                    + "may not change that (no AlterConfigs right): set cleanup.policy=compact,delete and "
                    + "retention.ms={} on it", resource.name(), retention.toMillis());
        }
    }
}
