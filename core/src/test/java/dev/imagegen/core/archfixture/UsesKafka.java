package dev.imagegen.core.archfixture;

import org.apache.kafka.archfixture.KafkaLookalike;

/** Deliberately bad: a core class that uses (a stand-in in the package of) Kafka. */
public class UsesKafka {

    KafkaLookalike producer;
}
