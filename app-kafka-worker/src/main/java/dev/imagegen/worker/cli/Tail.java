package dev.imagegen.worker.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** {@code tail [--from-beginning]} (CONTRACT §5.1): the events topic's events as JSON lines, read_committed. */
public final class Tail {

    private Tail() {
    }

    /**
     * @param stop asked between polls; the command line never stops (until the process is interrupted)
     * @return the exit status
     */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err,
                          BooleanSupplier stop) {
        if (!(args.isEmpty() || args.equals(List.of("--from-beginning")))) {
            err.println("imagegen: usage: tail [--from-beginning]");
            return 2;
        }
        Clients clients = Clients.of(env, err);
        if (clients == null) {
            return 2;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = clients.eventConsumer()) {
            List<TopicPartition> partitions = clients.eventPartitions(consumer);
            if (args.isEmpty()) {
                consumer.seekToEnd(partitions);
            } else {
                consumer.seekToBeginning(partitions);
            }
            while (!stop.getAsBoolean()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    out.println(new String(record.value(), StandardCharsets.UTF_8));
                }
                out.flush();
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("imagegen: " + e.getMessage());
            return 1;
        }
    }
}
