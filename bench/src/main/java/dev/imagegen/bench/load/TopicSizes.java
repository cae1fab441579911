package dev.imagegen.bench.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.TopicPartition;

/** What a topic holds on the broker: bytes on disk and records between its start and end offsets. */
final class TopicSizes implements AutoCloseable {

    /** A topic's size: bytes in its log segments, and records from its log start to its end (an upper bound). */
    record Size(long bytes, long records) {
    }

    private final Admin admin;

    TopicSizes(String bootstrap) {
        admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    Size of(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        List<Integer> brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream()
                .map(n -> n.id()).toList();
        long bytes = 0;
        List<TopicPartition> partitions = new java.util.ArrayList<>();
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions()
                .get(10, TimeUnit.SECONDS).values()) {
            for (LogDirDescription dir : dirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    if (replica.getKey().topic().equals(topic)) {
                        bytes += replica.getValue().size();
                        partitions.add(replica.getKey());
                    }
                }
            }
        }
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> {
            earliest.put(tp, OffsetSpec.earliest());
            latest.put(tp, OffsetSpec.latest());
        });
        long records = 0;
        var starts = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
        var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        for (TopicPartition tp : partitions) {
            records += ends.get(tp).offset() - starts.get(tp).offset();
        }
        return new Size(bytes, records);
    }

    @Override
    public void close() {
        admin.close();
    }
}
