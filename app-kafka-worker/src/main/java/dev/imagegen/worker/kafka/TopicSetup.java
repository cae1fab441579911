package dev.imagegen.worker.kafka;

import dev.imagegen.worker.config.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that are missing at start: the tasks topic compacted and with as many partitions as the
 * commands topic (their partitions must match one to one), its records deleted after the dedup retention. Checks a
 * tasks topic that exists: it must be compacted (so no in-flight task's state is dropped) and keep records at least
 * the dedup retention. Then learns how large a record each topic it writes takes.
 */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    /** Kafka's default {@code max.message.bytes} (and {@code message.max.bytes}). */
    private static final int KAFKA_DEFAULT_LIMIT = 1_048_588;
    private static final long SIXTEEN_MB = 16L * 1024 * 1024;

    private TopicSetup() {
    }

    /**
     * @param maxRequestSize the producer's {@code max.request.size}
     * @return the record limits of the topics the worker writes
     * @throws IllegalStateException when a limit is below {@link RecordLimits#FLOOR}, or the tasks topic's
     *                               partitions do not match the commands topic's
     */
    public static RecordLimits ensure(Admin admin, Topics topics, int partitions, int maxRequestSize,
                                      Duration dedupRetention) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            int commandPartitions = existing.contains(topics.commands())
                    ? describe(admin, topics.commands()).partitions().size() : partitions;
            List<NewTopic> missing = new ArrayList<>();
            if (!existing.contains(topics.commands())) {
                missing.add(new NewTopic(topics.commands(), Optional.of(partitions), Optional.empty()));
            }
            if (!existing.contains(topics.events())) {
                missing.add(new NewTopic(topics.events(), Optional.of(partitions), Optional.empty()));
            }
            if (!existing.contains(topics.dlq())) {
                // a dead letter is a whole command record plus headers: let it be as large as a task state
                missing.add(new NewTopic(topics.dlq(), Optional.of(partitions), Optional.empty())
                        .configs(Map.of("max.message.bytes", Long.toString(SIXTEEN_MB))));
            }
            if (!existing.contains(topics.tasks())) {
                Map<String, String> configs = new HashMap<>(TasksTopic.configs(dedupRetention));
                configs.put("max.message.bytes", Long.toString(SIXTEEN_MB));
                missing.add(new NewTopic(topics.tasks(), Optional.of(commandPartitions), Optional.empty())
                        .configs(configs));
            } else {
                TasksTopic.check(admin, topics.tasks(), dedupRetention);
                int taskPartitions = describe(admin, topics.tasks()).partitions().size();
                if (taskPartitions != commandPartitions) {
                    throw new IllegalStateException("the tasks topic '" + topics.tasks() + "' has " + taskPartitions
                            + " partitions and the commands topic '" + topics.commands() + "' " + commandPartitions
                            + "; they must be equal");
                }
            }
            for (NewTopic topic : missing) {
                create(admin, topic);
            }
            RecordLimits limits = new RecordLimits(limit(admin, topics.dlq(), maxRequestSize),
                    limit(admin, topics.events(), maxRequestSize), limit(admin, topics.tasks(), maxRequestSize));
            LOG.info("largest records: {} bytes to {}, {} to {}, {} to {}", limits.dlq(), topics.dlq(),
                    limits.events(), topics.events(), limits.tasks(), topics.tasks());
            return limits;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot list or create topics: " + e.getMessage(), e);
        }
    }

    private static void create(Admin admin, NewTopic topic) throws InterruptedException, TimeoutException,
            ExecutionException {
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            LOG.info("created topic {} ({} partitions)", topic.name(), topic.numPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * The topic's {@code max.message.bytes} capped by the producer's; a topic just created may take a moment. A
     * worker not allowed to read topic configs (no DescribeConfigs ACL) assumes Kafka's default, 1 MiB.
     */
    static int limit(Admin admin, String topic, int maxRequestSize) throws InterruptedException,
            ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int topicLimit;
        while (true) {
            try {
                Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
                        .get(resource);
                topicLimit = Integer.parseInt(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
                break;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AuthorizationException) {
                    LOG.warn("not allowed to read the configs of topic {} ({}); assuming Kafka's default of {} bytes "
                            + "per record", topic, e.getCause().getClass().getSimpleName(), KAFKA_DEFAULT_LIMIT);
                    topicLimit = KAFKA_DEFAULT_LIMIT;
                    break;
                }
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
        int limit = Math.min(topicLimit, maxRequestSize);
        if (limit < RecordLimits.FLOOR) {
            throw new IllegalStateException("topic '" + topic + "' takes records of at most " + limit
                    + " bytes (its max.message.bytes, or the producer's max.request.size); the worker needs at least "
                    + RecordLimits.FLOOR);
        }
        return limit;
    }

    private static TopicDescription describe(Admin admin, String topic) throws InterruptedException,
            ExecutionException, TimeoutException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
    }
}
