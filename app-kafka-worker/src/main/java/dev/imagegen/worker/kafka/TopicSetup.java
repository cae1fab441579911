package dev.imagegen.worker.kafka;

import dev.imagegen.worker.config.Topics;
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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that are missing at start: the tasks topic compacted and with as many partitions as the
 * commands topic (their partitions must match one to one).
 */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    private static final long SIXTEEN_MB = 16L * 1024 * 1024;

    private TopicSetup() {
    }

    public static void ensure(Admin admin, Topics topics, int partitions) {
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
                Map<String, String> configs = new HashMap<>();
                configs.put("cleanup.policy", "compact");
                configs.put("max.message.bytes", Long.toString(SIXTEEN_MB));
                missing.add(new NewTopic(topics.tasks(), Optional.of(commandPartitions), Optional.empty())
                        .configs(configs));
            } else {
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

    private static TopicDescription describe(Admin admin, String topic) throws InterruptedException,
            ExecutionException, TimeoutException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
    }
}
