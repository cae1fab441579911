package dev.imagegen.worker.demo;

import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.store.StoreOptions;
import dev.imagegen.worker.Worker;
import dev.imagegen.worker.config.WorkerConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code demo}: a broker, the vendors ({@link DemoProviders}) and the worker in this process on 127.0.0.1; sends
 * sample commands and prints every event as one JSON line, until each command has its terminal event. The worker
 * stores the images under {@code ./demo-out/} through result custody (the filesystem store; private URLs allowed,
 * since the simulators are on 127.0.0.1), so the SUCCEEDED events show {@code stored}.
 */
public final class Demo {

    private static final Duration LIMIT = Duration.ofMinutes(3);
    static final Path OUT = Path.of("demo-out");

    private Demo() {
    }

    public static int run(PrintStream out, PrintStream err) {
        try (EmbeddedKafka kafka = new EmbeddedKafka(); DemoProviders vendors = DemoProviders.simulators()) {
            Map<String, String> settings = new HashMap<>(vendors.environment());
            settings.put(StoreOptions.STORE_URL.name(), OUT.toAbsolutePath().toUri().toString());
            settings.put(StoreOptions.ALLOW_PRIVATE_URLS.name(), "true");
            ProviderConfig env = ProviderConfig.of(settings);
            WorkerConfig config = WorkerConfig.read(ProviderConfig.of(key -> switch (key) {
                case "KAFKA_BOOTSTRAP_SERVERS" -> kafka.bootstrapServers();
                case "IMAGEGEN_HTTP_PORT" -> "0";
                case "IMAGEGEN_PARTITIONS" -> "3";
                default -> null;
            }));
            try (Worker worker = Worker.start(config, env, ProviderRegistry.load())) {
                err.println("imagegen demo: broker " + kafka.bootstrapServers() + ", worker HTTP on 127.0.0.1:"
                        + worker.httpPort());
                Map<String, String> samples = SampleCommands.all(UUID.randomUUID().toString().substring(0, 6));
                send(kafka.bootstrapServers(), config.topics().commands(), samples);
                int status = follow(kafka.bootstrapServers(), config.topics().events(), samples.keySet(), out, err);
                err.println("imagegen demo: images stored under " + OUT.toAbsolutePath());
                return status;
            }
        } catch (RuntimeException e) {
            err.println("imagegen demo: " + e.getMessage());
            return 1;
        }
    }

    private static void send(String bootstrap, String topic, Map<String, String> commands) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            commands.forEach((id, json) -> producer.send(new ProducerRecord<>(topic, id, json)));
        }
    }

    private static int follow(String bootstrap, String topic, Set<String> ids, PrintStream out, PrintStream err) {
        Set<String> open = new HashSet<>(ids);
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "group.id", "imagegen-demo-reader",
                "auto.offset.reset", "earliest", "isolation.level", "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    out.println(record.value());
                    if (record.value().contains("\"terminal\":true")) {
                        open.remove(record.key());
                    }
                }
            }
        }
        if (!open.isEmpty()) {
            err.println("imagegen demo: no terminal event within " + LIMIT + " for " + open);
            return 1;
        }
        return 0;
    }
}
