package dev.imagegen.worker.cli;

import dev.imagegen.worker.codec.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code submit} (CONTRACT §5.1): sends one {@code imagegen.generate.v1} command, follows its events (a progress
 * display on stderr), saves the images under {@code --out} as {@code <commandId>-<index>.<ext>} and prints the
 * terminal event on stdout (and, last on stderr, its cost where the event carries one). Exit 0 on SUCCEEDED with
 * every image saved, 1 otherwise, 2 for bad flags or settings.
 */
public final class Submit {

    private static final Duration DOWNLOAD = Duration.ofSeconds(60);

    private Submit() {
    }

    /** @param terminal whether stderr is a terminal (a line rewritten in place) or not (plain lines) */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err,
                          boolean terminal) {
        SubmitOptions options;
        byte[] command;
        try {
            options = SubmitOptions.parse(args);
            command = CommandJson.of(options);
        } catch (SubmitOptions.BadFlags | IOException e) {
            err.println("imagegen: " + e.getMessage());
            err.println("imagegen: " + SubmitOptions.USAGE);
            return 2;
        }
        Clients clients = Clients.of(env, err);
        if (clients == null) {
            return 2;
        }
        Progress progress = new Progress(err, terminal);
        try (KafkaConsumer<byte[], byte[]> consumer = clients.eventConsumer()) {
            List<TopicPartition> partitions = clients.eventPartitions(consumer);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            send(clients, options.commandId(), command);
            progress.note("sent " + options.commandId());
            byte[] key = options.commandId().getBytes(StandardCharsets.UTF_8);
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (record.key() == null || !java.util.Arrays.equals(key, record.key())) {
                        continue;
                    }
                    Map<?, ?> event = (Map<?, ?>) JsonTree.parse(record.value());
                    progress.event(event);
                    if (Boolean.TRUE.equals(event.get("terminal"))) {
                        boolean saved = save(event, options, progress);
                        if (event.get("cost") instanceof Map<?, ?> cost) {
                            progress.note("cost " + cost.get("amount") + " " + cost.get("currency") + " ("
                                    + cost.get("basis") + ")");
                        }
                        out.println(new String(record.value(), StandardCharsets.UTF_8));
                        out.flush();
                        return "SUCCEEDED".equals(event.get("status")) && saved ? 0 : 1;
                    }
                }
            }
        } catch (JsonTree.Unreadable | RuntimeException e) {
            err.println("imagegen: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Whether stderr, where the progress goes, is a terminal: on Linux from what file descriptor 2 is; elsewhere as
     * {@link System#console()} says (which needs stdin and stdout on the terminal too). {@code TERM=dumb} never is.
     */
    public static boolean stderrIsTerminal(Map<String, String> env) {
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    private static void send(Clients clients, String commandId, byte[] command) {
        try (KafkaProducer<byte[], byte[]> producer = clients.producer()) {
            producer.send(new ProducerRecord<>(clients.config().topics().commands(),
                    commandId.getBytes(StandardCharsets.UTF_8), command)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the command could not be sent: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the command", e);
        }
    }

    /** Saves each image: the worker's stored copy where it is a readable file, else the vendor's URL. */
    private static boolean save(Map<?, ?> event, SubmitOptions options, Progress progress) {
        if (!(event.get("images") instanceof List<?> images) || images.isEmpty()) {
            return false;
        }
        boolean all = true;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        for (int i = 0; i < images.size(); i++) {
            Map<?, ?> image = (Map<?, ?>) images.get(i);
            try {
                Files.createDirectories(options.out());
                Path part = options.out().resolve(options.commandId() + "-" + i + ".part");
                if (image.get("stored") instanceof Map<?, ?> stored && ((String) stored.get("uri")).startsWith("file:")
                        && Files.isReadable(Path.of(URI.create((String) stored.get("uri"))))) {
                    Files.copy(Path.of(URI.create((String) stored.get("uri"))), part,
                            StandardCopyOption.REPLACE_EXISTING);
                } else {
                    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                            URI.create((String) image.get("url"))).timeout(DOWNLOAD).GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream body = response.body()) {
                        if (response.statusCode() != 200) {
                            throw new IOException("HTTP " + response.statusCode() + " from " + image.get("url"));
                        }
                        Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                byte[] head = new byte[12];
                try (InputStream in = Files.newInputStream(part)) {
                    in.readNBytes(head, 0, head.length);
                }
                String type = CommandJson.mimeType(Path.of("image"), head);
                Path file = options.out().resolve(options.commandId() + "-" + i + "."
                        + type.substring(type.indexOf('/') + 1).replace("jpeg", "jpg"));
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
                progress.note("saved " + file);
            } catch (IOException | RuntimeException e) {
                progress.note("image " + i + " not saved: " + e.getMessage());
                all = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return all;
    }
}
