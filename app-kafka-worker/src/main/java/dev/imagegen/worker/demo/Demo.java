package dev.imagegen.worker.demo;

import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.store.StoreOptions;
import dev.imagegen.worker.Worker;
import dev.imagegen.worker.config.WorkerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code demo}: a broker, the vendors ({@link DemoProviders}) and the worker in this process on 127.0.0.1; sends
 * sample commands and prints every event as one JSON line, until each command has its terminal event, then a
 * summary on {@code err}: one line per sample command ({@link Summary}). The worker
 * stores the images under {@code ./demo-out/} through result custody (the filesystem store; private URLs allowed,
 * since the simulators are on 127.0.0.1), so the SUCCEEDED events show {@code stored}.
 */
public final class Demo {

    private static final Duration LIMIT = Duration.ofMinutes(3);
    static final Path OUT = Path.of("demo-out");

    private Demo() {
    }

    /**
     * Keeps the in-process broker's own logging (and that of the Kafka clients around it) out of the demo's output;
     * the worker's lines stay. Call before anything Kafka logs: slf4j-simple reads a logger's level when the logger
     * is made.
     */
    public static void quietBroker() {
        Set<String> loggers = new TreeSet<>(List.of("kafka", "org.apache.kafka", "state.change.logger"));
        Properties configured = new Properties();
        try (InputStream in = Demo.class.getResourceAsStream("/simplelogger.properties")) {
            if (in != null) {
                configured.load(in);
            }
        } catch (IOException e) {
            // only the more specific levels of the file stay as they are
        }
        String prefix = "org.slf4j.simpleLogger.log.";
        configured.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(
                prefix.length())).filter(n -> loggers.stream().anyMatch(l -> n.equals(l) || n.startsWith(l + ".")))
                .forEach(loggers::add);
        loggers.forEach(logger -> System.setProperty(prefix + logger, "off"));
    }

    public static int run(PrintStream out, PrintStream err) {
        Summary summary;
        int status;
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
                summary = new Summary(samples);
                status = follow(kafka.bootstrapServers(), config.topics().events(), summary, out, err);
            }
        } catch (RuntimeException e) {
            err.println("imagegen demo: " + e.getMessage());
            return 1;
        }
        out.flush();
        summary.lines(Path.of("")).forEach(err::println);
        return status;
    }

    private static void send(String bootstrap, String topic, Map<String, String> commands) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            commands.forEach((id, json) -> producer.send(new ProducerRecord<>(topic, id, json)));
        }
    }

    private static int follow(String bootstrap, String topic, Summary summary, PrintStream out, PrintStream err) {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "group.id", "imagegen-demo-reader",
                "auto.offset.reset", "earliest", "isolation.level", "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!summary.complete() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    out.println(record.value());
                    summary.record(record.key(), record.value());
                }
            }
        }
        if (!summary.complete()) {
            err.println("imagegen demo: not every sample command had its terminal event within " + LIMIT);
            return 1;
        }
        return 0;
    }
}
