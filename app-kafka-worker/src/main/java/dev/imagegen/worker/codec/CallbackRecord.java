package dev.imagegen.worker.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Objects;

/**
 * A vendor callback that reached a worker that does not drive its task, handed to the owner on the commands topic
 * (internal: type {@value #TYPE}; producers never write it). Immutable.
 *
 * @param commandId the task's commandId (the record's key)
 * @param provider  the provider id in the callback's path
 * @param token     the token in the callback's path
 * @param body      the callback's body, as the vendor sent it
 */
public record CallbackRecord(String commandId, String provider, String token, byte[] body) {

    public static final String TYPE = "imagegen.callback.v1";

    public CallbackRecord {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(token, "token");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public static byte[] write(CallbackRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + record.body.length * 4 / 3);
        try (JsonGenerator g = EventWriter.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", TYPE);
            g.writeStringField("commandId", record.commandId);
            g.writeStringField("provider", record.provider);
            g.writeStringField("token", record.token);
            g.writeStringField("body", Base64.getEncoder().encodeToString(record.body));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
