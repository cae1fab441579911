package dev.imagegen.worker.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.task.Attempt;
import dev.imagegen.core.task.Task;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.Reference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The value format of the tasks topic (internal, versioned {@code "v": 1}). A task in flight is written in full,
 * request included, so that another worker can resume it (the vendor's images too, while they are copied into the
 * image store: {@code vendorImages}, absent otherwise and in records of workers before custody); a finished one is
 * written as a small mark. Thread-safe.
 */
public final class TaskStateCodec {

    static final int VERSION = 1;
    static final String CANCEL_REQUESTED = "CANCEL_REQUESTED";

    /** The record for a task in its current state. */
    public byte[] write(Task task) {
        if (task.terminal()) {
            return finished(task.id().value(), task.state().name(), task.updatedAt());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = EventWriter.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeStringField("commandId", task.id().value());
            g.writeStringField("state", task.state().name());
            g.writeFieldName("request");
            writeRequest(g, task.request());
            g.writeStringField("provider", id(task.provider()));
            if (task.providerTask() != null) {
                g.writeObjectFieldStart("providerTask");
                g.writeStringField("provider", task.providerTask().provider().value());
                g.writeStringField("model", task.providerTask().model().value());
                g.writeStringField("taskId", Text.wellFormed(task.providerTask().taskId()));
                g.writeEndObject();
            }
            g.writeArrayFieldStart("attempts");
            for (Attempt attempt : task.attempts()) {
                g.writeStartObject();
                g.writeStringField("provider", attempt.provider().value());
                g.writeStringField("outcome", attempt.outcome());
                g.writeEndObject();
            }
            g.writeEndArray();
            writeImages(g, "images", task.images());
            if (task.copyingImages()) {
                writeImages(g, "vendorImages", task.vendorImages());
            }
            writeFailure(g, task.failure());
            g.writeFieldName("warnings");
            JsonValues.write(g, task.warnings());
            g.writeStringField("createdAt", instant(task.createdAt()));
            g.writeStringField("updatedAt", instant(task.updatedAt()));
            g.writeStringField("submitIntentAt", instant(task.submitIntentAt()));
            g.writeStringField("submittedAt", instant(task.submittedAt()));
            g.writeNumberField("polls", task.polls());
            if (task.progress() != null) {
                g.writeNumberField("progress", task.progress());
            }
            if (task.cost() != null) {
                writeCost(g, task.cost(), (text, max) -> Text.wellFormed(text));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The mark of a finished commandId (also for commands that never became a task).
     *
     * @param at when it finished: the dedup retention counts from here
     */
    public byte[] finished(String commandId, String status, Instant at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = EventWriter.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeStringField("commandId", Text.wellFormed(commandId));
            g.writeStringField("state", status);
            g.writeBooleanField("terminal", true);
            g.writeStringField("finishedAt", Instants.iso(at));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The record of a cancel that came before its command. */
    public byte[] cancelRequested(String commandId, String reason) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = EventWriter.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeStringField("commandId", commandId);
            g.writeStringField("state", CANCEL_REQUESTED);
            g.writeStringField("reason", reason);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a record back.
     *
     * @throws IllegalArgumentException when the record is not one this codec wrote
     */
    public StoredTask read(byte[] value) {
        try {
            return TaskStateReader.read(JsonTree.parse(value));
        } catch (JsonTree.Unreadable e) {
            throw new IllegalArgumentException("task state is not JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("task state is not readable: " + e, e);
        }
    }

    private static void writeRequest(JsonGenerator g, GenerationRequest r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id().value());
        g.writeStringField("provider", id(r.provider()));
        g.writeStringField("model", r.model().value());
        g.writeStringField("prompt", Text.wellFormed(r.prompt()));
        g.writeStringField("negativePrompt", Text.wellFormed(r.negativePrompt()));
        g.writeStringField("aspectRatio", r.aspectRatio() == null ? null : r.aspectRatio().toString());
        g.writeStringField("resolution", r.resolution() == null ? null : r.resolution().label());
        g.writeStringField("outputFormat", r.outputFormat() == null ? null : r.outputFormat().label());
        g.writeNumberField("n", r.n());
        if (r.seed() != null) {
            g.writeNumberField("seed", r.seed());
        }
        g.writeArrayFieldStart("references");
        for (Reference ref : r.references()) {
            g.writeStartObject();
            if (ref instanceof Reference.Url url) {
                g.writeStringField("url", url.uri().toString());
            } else {
                Reference.Inline inline = (Reference.Inline) ref;
                g.writeStringField("base64", inline.base64());
                g.writeStringField("mimeType", inline.mimeType());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("providerOptions");
        for (Map.Entry<ProviderId, Map<String, Object>> e : r.providerOptions().entrySet()) {
            g.writeFieldName(e.getKey().value());
            JsonValues.write(g, e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("deadline", instant(r.deadline()));
        g.writeFieldName("metadata");
        JsonValues.write(g, r.metadata());
        if (r.trace() != null) {
            g.writeStringField("traceparent", r.trace().traceparent());
            g.writeStringField("tracestate", r.trace().tracestate());
        }
        g.writeEndObject();
    }

    /** A task in flight has no result images yet; only the vendor's, while they are copied (no stored copies). */
    private static void writeImages(JsonGenerator g, String field, List<GeneratedImage> images) throws IOException {
        g.writeArrayFieldStart(field);
        for (GeneratedImage image : images) {
            g.writeStartObject();
            g.writeStringField("url", image.url().toString());
            g.writeStringField("expiresAt", instant(image.expiresAt()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * {@code "cost": {"amount": "0.134", "currency": "USDC", "basis": "..."}} (CONTRACT §5.3), the amount a plain
     * decimal string; the basis passed through {@code clean} (with a length cap).
     */
    static void writeCost(JsonGenerator g, Cost cost, BiFunction<String, Integer, String> clean) throws IOException {
        g.writeObjectFieldStart("cost");
        g.writeStringField("amount", cost.amountText());
        g.writeStringField("currency", cost.currency());
        g.writeStringField("basis", clean.apply(cost.basis(), EventWriter.MAX_WARNING_CHARS));
        g.writeEndObject();
    }

    private static void writeFailure(JsonGenerator g, ProviderFailure failure) throws IOException {
        if (failure == null) {
            g.writeNullField("failure");
            return;
        }
        g.writeObjectFieldStart("failure");
        g.writeStringField("code", failure.code().name());
        g.writeStringField("providerCode", Text.wellFormed(failure.providerCode()));
        g.writeStringField("message", Text.wellFormed(failure.message()));
        g.writeEndObject();
    }

    private static String id(ProviderId id) {
        return id == null ? null : id.value();
    }

    private static String instant(Instant instant) {
        return Instants.iso(instant);
    }
}
