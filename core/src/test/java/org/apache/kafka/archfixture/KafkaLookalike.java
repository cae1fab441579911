package org.apache.kafka.archfixture;

/**
 * Lives in Kafka's package namespace so that a rule proof can depend on "Kafka" without Kafka on core's class path.
 * Test sources only.
 */
public class KafkaLookalike {
}
