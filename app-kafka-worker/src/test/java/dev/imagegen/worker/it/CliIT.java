package dev.imagegen.worker.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.testkit.TestImages;
import dev.imagegen.testkit.xenodia.SimulatorOptions;
import dev.imagegen.testkit.xenodia.XenodiaSimulator;
import dev.imagegen.worker.Worker;
import dev.imagegen.worker.cli.Submit;
import dev.imagegen.worker.cli.Tail;
import dev.imagegen.worker.codec.JsonTree;
import dev.imagegen.worker.config.WorkerConfig;
import dev.imagegen.worker.demo.EmbeddedKafka;
import dev.imagegen.worker.testing.ContractSchemas;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line client (CONTRACT §5.1) end to end: {@code submit} and {@code tail} against a worker on the
 * in-process broker, driving the Xenodia simulator.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CliIT {

    private static final Duration STEP = Duration.ofMillis(400);
    private static EmbeddedKafka kafka;
    private static XenodiaSimulator xenodia;
    private static Worker worker;
    private static final Map<String, String> ENV = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        kafka = new EmbeddedKafka();
        xenodia = XenodiaSimulator.start(SimulatorOptions.defaults().withDurations(STEP, STEP, STEP.multipliedBy(2)));
        ENV.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "IMAGEGEN_COMMANDS_TOPIC",
                "cli.commands", "IMAGEGEN_EVENTS_TOPIC", "cli.events", "IMAGEGEN_DLQ_TOPIC", "cli.dlq",
                "IMAGEGEN_TASKS_TOPIC", "cli.tasks", "IMAGEGEN_PARTITIONS", "2", "IMAGEGEN_HTTP_PORT", "0",
                "IMAGEGEN_GROUP_ID", "cli-workers"));
        Map<String, String> providers = new HashMap<>(xenodia.providerConfig());
        providers.putAll(Map.of("XENODIA_POLL_INITIAL_DELAY", "300ms", "XENODIA_POLL_INTERVAL", "300ms",
                "XENODIA_POLL_MAX_INTERVAL", "600ms"));
        worker = Worker.start(WorkerConfig.read(ENV), ProviderConfig.of(providers), ProviderRegistry.load());
        KafkaFixture.awaitReady(worker);
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (xenodia != null) {
            xenodia.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run submit(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Submit.run(List.of(args), ENV, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void submit_follows_the_command_saves_its_image_and_exits_0(@TempDir Path dir) throws Exception {
        Path reference = dir.resolve("reference.png");
        Files.write(reference, TestImages.png(64, 64, Color.ORANGE));
        Path out = dir.resolve("images");

        Run run = submit("--model", "gpt-image-2", "--provider", "xenodia", "--prompt", "A lighthouse in a storm",
                "--aspect-ratio", "16:9", "--resolution", "1K", "--ref", reference.toString(), "--out",
                out.toString(), "--command-id", "cli-one");

        assertEquals(0, run.status, run.err);
        ContractSchemas.EVENT.assertValid(run.out.strip());
        Map<?, ?> event = (Map<?, ?>) JsonTree.parse(run.out.strip().getBytes(StandardCharsets.UTF_8));
        assertEquals("SUCCEEDED", event.get("status"));
        assertEquals("cli-one", event.get("commandId"));
        Path image = out.resolve("cli-one-0.png");
        assertTrue(Files.isRegularFile(image), run.err);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(Files.readAllBytes(image), 4));
        List<String> lines = run.err.lines().toList();
        assertEquals("imagegen: sent cli-one", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("imagegen: ACCEPTED")), run.err);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("imagegen: SUCCEEDED at xenodia (gpt-image-2)")),
                run.err);
        assertEquals("imagegen: saved " + image, lines.get(lines.size() - 2));
        assertEquals("imagegen: cost 0.167 USDC (vendor billing)", lines.get(lines.size() - 1));
    }

    @Test
    void submit_of_a_command_the_model_refuses_prints_the_failure_and_exits_1(@TempDir Path dir) throws Exception {
        Run run = submit("--model", "gpt-image-2", "--prompt", "A square at 4K", "--aspect-ratio", "1:1",
                "--resolution", "4K", "--out", dir.toString());

        assertEquals(1, run.status, run.err);
        ContractSchemas.EVENT.assertValid(run.out.strip());
        assertTrue(run.out.contains("\"code\":\"UNSUPPORTED_PARAMETER\""), run.out);
        assertTrue(run.err.contains("imagegen: FAILED (gpt-image-2): UNSUPPORTED_PARAMETER"), run.err);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void submit_without_a_prompt_or_kafka_exits_2() {
        Run noPrompt = submit("--model", "gpt-image-2");
        assertEquals(2, noPrompt.status);
        assertTrue(noPrompt.err.startsWith("imagegen: --prompt is required\nimagegen: usage: submit --model M"),
                noPrompt.err);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Submit.run(List.of("--model", "m", "--prompt", "p"), Map.of(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8), false));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("KAFKA_BOOTSTRAP_SERVERS"), err.toString());
    }

    @Test
    void tail_prints_the_events_as_json_lines(@TempDir Path dir) throws Exception {
        assertEquals(0, submit("--model", "gpt-image-2", "--prompt", "A koi pond", "--command-id", "cli-tail",
                "--out", dir.toString()).status);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Integer> tail = CompletableFuture.supplyAsync(() -> Tail.run(List.of("--from-beginning"),
                ENV, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, stop::get));
        KafkaFixture.await("tail printed cli-tail's terminal event", () -> out.toString(StandardCharsets.UTF_8)
                .lines().anyMatch(l -> l.contains("\"commandId\":\"cli-tail\"") && l.contains("\"terminal\":true")),
                Duration.ofSeconds(60));
        stop.set(true);
        assertEquals(0, tail.get(30, TimeUnit.SECONDS));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        lines.forEach(ContractSchemas.EVENT::assertValid);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"commandId\":\"cli-tail\"")
                && l.contains("\"status\":\"ACCEPTED\"")), String.join("\n", lines));
    }
}
