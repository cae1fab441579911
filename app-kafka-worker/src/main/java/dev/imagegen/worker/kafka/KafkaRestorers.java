package dev.imagegen.worker.kafka;

import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;

/** Makes the restorer that reads the tasks topic. */
public final class KafkaRestorers {

    private KafkaRestorers() {
    }

    /** Waits for open transactions up to the transaction timeout and a margin. */
    public static PartitionRestorer create(Admin admin, Consumer<byte[], byte[]> consumer, String tasksTopic) {
        return new KafkaRestorer(admin, consumer, tasksTopic, KafkaClients.TRANSACTION_TIMEOUT.plusSeconds(15));
    }
}
