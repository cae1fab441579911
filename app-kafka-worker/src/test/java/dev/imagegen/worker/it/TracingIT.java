package dev.imagegen.worker.it;

import static dev.imagegen.worker.it.KafkaFixture.command;
import static dev.imagegen.worker.it.KafkaFixture.terminalCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.otel.OpenTelemetryTracing;
import dev.imagegen.worker.Worker;
import dev.imagegen.worker.config.WorkerConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A worker with an OpenTelemetry SDK (in-memory exporter): a command's trace headers come back on each of its events,
 * and the worker's spans for it (intake, submit, status) are children of that trace with its attributes.
 */
class TracingIT {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String TRACESTATE = "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE";

    @Test
    void the_command_s_trace_reaches_every_event_and_parents_the_worker_s_spans() throws Exception {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (KafkaFixture fixture = new KafkaFixture();
             OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                     .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build()) {
            WorkerConfig config = fixture.config(2);
            Worker worker = fixture.worker(config, OpenTelemetryTracing.of(sdk));
            KafkaFixture.awaitReady(worker);
            String topic = config.topics().commands();
            fixture.send(topic, "traced-1", command("traced-1", "a cat @ms=400", ""),
                    Map.of("traceparent", TRACEPARENT, "tracestate", TRACESTATE));
            fixture.send(topic, "traced-2", command("traced-2", "a dog @reject=CONTENT_VIOLATION", ""),
                    Map.of("traceparent", TRACEPARENT));
            fixture.send(topic, "untraced", command("untraced", "a fox", ""));
            fixture.send(topic, "traced-bad", "{\"type\":\"imagegen.generate.v1\",\"commandId\":\"traced-bad\"}",
                    Map.of("traceparent", TRACEPARENT));
            fixture.flush();
            List<String> ids = List.of("traced-1", "traced-2", "untraced", "traced-bad");
            List<ConsumerRecord<byte[], byte[]>> events = fixture.read(config.topics().events(),
                    records -> ids.stream().allMatch(id -> terminalCount(records, id) > 0), Duration.ofSeconds(30));
            worker.stop();
            assertTrue(worker.await(Duration.ofSeconds(30)));

            Map<String, Map<String, String>> expected = Map.of(
                    "traced-1", Map.of("traceparent", TRACEPARENT, "tracestate", TRACESTATE),
                    "traced-2", Map.of("traceparent", TRACEPARENT),
                    "untraced", Map.of(),
                    "traced-bad", Map.of("traceparent", TRACEPARENT));
            int counted = 0;
            for (ConsumerRecord<byte[], byte[]> event : events) {
                String id = (String) KafkaFixture.json(event).get("commandId");
                assertEquals(expected.get(id), KafkaFixture.headers(event), id + " " + KafkaFixture.json(event));
                counted++;
            }
            System.out.println("events checked for trace headers: " + counted);

            List<SpanData> spans = exporter.getFinishedSpanItems();
            List<SpanData> first = spans.stream().filter(s -> "traced-1".equals(commandId(s))).toList();
            assertEquals(List.of("imagegen intake", "imagegen submit"), first.stream().map(SpanData::getName)
                    .limit(2).toList());
            assertTrue(first.stream().anyMatch(s -> s.getName().equals("imagegen status")), first.toString());
            for (SpanData span : first) {
                assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", span.getTraceId(), span.getName());
                assertEquals("00f067aa0ba902b7", span.getParentSpanId(), span.getName());
                assertEquals("test-model", span.getAttributes().get(AttributeKey.stringKey("imagegen.model")));
            }
            SpanData submit = first.get(1);
            assertEquals("alpha", submit.getAttributes().get(AttributeKey.stringKey("imagegen.provider")));
            assertTrue(submit.getAttributes().get(AttributeKey.stringKey("imagegen.vendor_task_id")) != null);

            SpanData rejected = spans.stream().filter(s -> "traced-2".equals(commandId(s))
                    && s.getName().equals("imagegen submit")).findFirst().orElseThrow();
            assertEquals(StatusCode.ERROR, rejected.getStatus().getStatusCode());
            assertEquals("CONTENT_VIOLATION", rejected.getStatus().getDescription());

            SpanData untraced = spans.stream().filter(s -> "untraced".equals(commandId(s))).findFirst().orElseThrow();
            assertTrue(!untraced.getParentSpanContext().isValid(), "no trace headers: a root span");
            System.out.println("spans recorded: " + spans.size());
        }
    }

    private static String commandId(SpanData span) {
        return span.getAttributes().get(AttributeKey.stringKey("imagegen.command_id"));
    }
}
