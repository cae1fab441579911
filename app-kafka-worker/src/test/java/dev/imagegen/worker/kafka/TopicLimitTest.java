package dev.imagegen.worker.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsResult;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

/** How large a record the worker may write to a topic: the topic's limit, the producer's, or Kafka's default. */
class TopicLimitTest {

    private static final ConfigResource TOPIC = new ConfigResource(ConfigResource.Type.TOPIC, "t");

    @Test
    void the_smaller_of_the_topics_and_the_producers_limit() throws Exception {
        assertEquals(40_000, TopicSetup.limit(admin(KafkaFuture.completedFuture(Map.of(TOPIC, config(40_000)))),
                "t", 1_000_000));
        assertEquals(30_000, TopicSetup.limit(admin(KafkaFuture.completedFuture(Map.of(TOPIC, config(40_000)))),
                "t", 30_000));
    }

    @Test
    void a_limit_below_the_floor_is_refused_naming_the_topic() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TopicSetup.limit(
                admin(KafkaFuture.completedFuture(Map.of(TOPIC, config(8_000)))), "t", 1_000_000));
        assertTrue(e.getMessage().contains("'t'") && e.getMessage().contains("8000"), e.getMessage());
    }

    @Test
    void without_the_right_to_read_topic_configs_kafkas_default_is_assumed() throws Exception {
        KafkaFutureImpl<Map<ConfigResource, Config>> refused = new KafkaFutureImpl<>();
        refused.completeExceptionally(new TopicAuthorizationException("no DescribeConfigs on t"));
        assertEquals(1_048_588, TopicSetup.limit(admin(refused), "t", 16 * 1024 * 1024));
    }

    private static Config config(int maxMessageBytes) {
        return new Config(List.of(new ConfigEntry("max.message.bytes", Integer.toString(maxMessageBytes))));
    }

    private static Admin admin(KafkaFuture<Map<ConfigResource, Config>> answer) {
        Admin admin = mock(Admin.class);
        DescribeConfigsResult result = mock(DescribeConfigsResult.class);
        when(result.all()).thenReturn(answer);
        when(admin.describeConfigs(any())).thenReturn(result);
        return admin;
    }
}
