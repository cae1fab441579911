package dev.imagegen.worker.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/** The {@code imagegen.generate.v1} command {@code submit} sends: references are URLs, or files sent inline. */
final class CommandJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "webp", "image/webp");

    private CommandJson() {
    }

    /** @throws IOException when a reference file cannot be read or is not PNG, JPEG or WebP */
    static byte[] of(SubmitOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "imagegen.generate.v1");
            g.writeStringField("commandId", options.commandId());
            if (options.provider() != null) {
                g.writeStringField("provider", options.provider());
            }
            g.writeStringField("model", options.model());
            g.writeStringField("prompt", options.prompt());
            if (options.aspectRatio() != null) {
                g.writeStringField("aspectRatio", options.aspectRatio());
            }
            if (options.resolution() != null) {
                g.writeStringField("resolution", options.resolution());
            }
            if (!options.references().isEmpty()) {
                g.writeArrayFieldStart("references");
                for (String ref : options.references()) {
                    g.writeStartObject();
                    if (ref.startsWith("https://") || ref.startsWith("http://")) {
                        g.writeStringField("url", ref);
                    } else {
                        Path file = Path.of(ref);
                        byte[] bytes = Files.readAllBytes(file);
                        g.writeStringField("base64", Base64.getEncoder().encodeToString(bytes));
                        g.writeStringField("mimeType", mimeType(file, bytes));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeObjectFieldStart("metadata");
            g.writeStringField("source", "imagegen submit");
            g.writeEndObject();
            g.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out.toByteArray();
    }

    /** By the file's first bytes; by its name when they say nothing. */
    static String mimeType(Path file, byte[] bytes) throws IOException {
        if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return "image/webp";
        }
        String name = file.getFileName().toString();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT));
        if (type == null) {
            throw new IOException(file + " is not a PNG, JPEG or WebP image");
        }
        return type;
    }
}
