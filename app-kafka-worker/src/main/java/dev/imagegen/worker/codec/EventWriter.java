package dev.imagegen.worker.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.imagegen.core.task.Attempt;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.StoredImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes events as UTF-8 JSON: camelCase, ISO-8601 UTC instants, every field present (null when empty; an image's
 * {@code stored} only where the image store kept a copy), free text capped and stripped of secrets. Thread-safe.
 */
public final class EventWriter {

    static final int MAX_MESSAGE_CHARS = 4000;
    static final int MAX_WARNINGS = 50;
    static final int MAX_WARNING_CHARS = 1000;
    static final JsonFactory FACTORY = new JsonFactory();

    private final Redactor redactor;

    public EventWriter(Redactor redactor) {
        this.redactor = redactor;
    }

    public byte[] write(EventMessage event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", EventMessage.TYPE);
            g.writeStringField("commandId", Text.wellFormed(event.commandId()));
            g.writeStringField("status", event.status().name());
            g.writeBooleanField("terminal", event.terminal());
            g.writeStringField("provider", event.provider());
            g.writeStringField("model", event.model());
            g.writeStringField("providerTaskId", clean(event.providerTaskId(), MAX_WARNING_CHARS));
            g.writeArrayFieldStart("images");
            for (GeneratedImage image : event.images()) {
                g.writeStartObject();
                g.writeStringField("url", clean(image.url().toString(), Integer.MAX_VALUE));
                g.writeStringField("expiresAt", Instants.iso(image.expiresAt()));
                if (image.stored() != null) {
                    writeStored(g, image.stored());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            writeError(g, event.error());
            g.writeArrayFieldStart("warnings");
            event.warnings().stream().limit(MAX_WARNINGS).forEach(w -> unchecked(() ->
                    g.writeString(clean(w, MAX_WARNING_CHARS))));
            g.writeEndArray();
            g.writeArrayFieldStart("attempts");
            for (Attempt attempt : event.attempts()) {
                g.writeStartObject();
                g.writeStringField("provider", attempt.provider().value());
                g.writeStringField("outcome", attempt.outcome());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (event.progress() != null) {
                g.writeNumberField("progress", event.progress());
            }
            if (event.vendorCancellation() != null) {
                g.writeStringField("vendorCancellation", event.vendorCancellation().name());
            }
            if (event.cost() != null) {
                TaskStateCodec.writeCost(g, event.cost(), this::clean);
            }
            g.writeStringField("occurredAt", Instants.iso(event.occurredAt()));
            g.writeObjectFieldStart("metadata");
            for (Map.Entry<String, String> e : event.metadata().entrySet()) {
                g.writeStringField(Text.wellFormed(e.getKey()), Text.wellFormed(e.getValue()));
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeStored(JsonGenerator g, StoredImage stored) throws IOException {
        g.writeObjectFieldStart("stored");
        g.writeStringField("uri", clean(stored.uri().toString(), Integer.MAX_VALUE));
        g.writeStringField("sha256", stored.sha256());
        g.writeNumberField("bytes", stored.bytes());
        g.writeStringField("contentType", stored.contentType());
        g.writeEndObject();
    }

    private void writeError(JsonGenerator g, ProviderFailure error) throws IOException {
        if (error == null) {
            g.writeNullField("error");
            return;
        }
        g.writeObjectFieldStart("error");
        g.writeStringField("code", error.code().name());
        g.writeStringField("message", clean(error.message(), MAX_MESSAGE_CHARS));
        g.writeBooleanField("retryable", error.code().retryable());
        g.writeStringField("providerCode", clean(error.providerCode(), MAX_WARNING_CHARS));
        g.writeEndObject();
    }

    private String clean(String text, int max) {
        return Text.capped(Text.wellFormed(redactor.redact(text)), max);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
