package dev.imagegen.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.worker.Worker;
import dev.imagegen.worker.config.WorkerConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tasks topic on a real broker: made to forget after the dedup retention, refused when it could lose state. */
class TasksTopicIT {

    @Test
    void a_created_tasks_topic_compacts_and_deletes_after_the_retention() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture()) {
            WorkerConfig config = fixture.config(1, Map.of("IMAGEGEN_DEDUP_RETENTION", "2d"));
            Worker worker = fixture.worker(config);
            worker.close();

            Map<String, String> tasks = fixture.topicConfigs(config.topics().tasks());
            assertEquals("compact,delete", tasks.get("cleanup.policy"));
            assertEquals(Long.toString(Duration.ofDays(2).toMillis()), tasks.get("retention.ms"));
            assertEquals(Long.toString(Duration.ofDays(2).dividedBy(10).toMillis()), tasks.get("segment.ms"));
        }
    }

    @Test
    void a_tasks_topic_that_deletes_without_compacting_is_refused_by_name() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture()) {
            WorkerConfig config = fixture.config(1);
            fixture.createTopic(config.topics().tasks(), 1, Map.of("cleanup.policy", "delete"));

            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> fixture.worker(config));
            assertTrue(refused.getMessage().contains("cleanup.policy=delete"), refused.getMessage());
        }
    }

    @Test
    void a_tasks_topic_that_forgets_before_the_retention_is_refused_by_name() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture()) {
            WorkerConfig config = fixture.config(1, Map.of("IMAGEGEN_DEDUP_RETENTION", "7d"));
            fixture.createTopic(config.topics().tasks(), 1, Map.of("cleanup.policy", "compact,delete",
                    "retention.ms", Long.toString(Duration.ofHours(1).toMillis())));

            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> fixture.worker(config));
            assertTrue(refused.getMessage().contains("retention.ms=3600000")
                    && refused.getMessage().contains("IMAGEGEN_DEDUP_RETENTION=7d"), refused.getMessage());
        }
    }

    @Test
    void a_compact_only_tasks_topic_of_an_older_worker_is_made_to_forget() throws Exception {
        try (KafkaFixture fixture = new KafkaFixture()) {
            WorkerConfig config = fixture.config(1, Map.of("IMAGEGEN_DEDUP_RETENTION", "3d"));
            fixture.createTopic(config.topics().tasks(), 1, Map.of("cleanup.policy", "compact"));
            Worker worker = fixture.worker(config);
            worker.close();

            Map<String, String> tasks = fixture.topicConfigs(config.topics().tasks());
            assertEquals("compact,delete", tasks.get("cleanup.policy"));
            assertEquals(Long.toString(Duration.ofDays(3).toMillis()), tasks.get("retention.ms"));
        }
    }
}
