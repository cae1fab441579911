package dev.imagegen.worker.codec;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.TaskId;
import dev.imagegen.core.TraceContext;
import dev.imagegen.core.task.Attempt;
import dev.imagegen.core.task.Task;
import dev.imagegen.spi.AspectRatio;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Resolution;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the values {@link TaskStateCodec} writes. */
final class TaskStateReader {

    private TaskStateReader() {
    }

    static StoredTask read(Object root) {
        Map<String, Object> m = map(root, "record");
        if (!Long.valueOf(TaskStateCodec.VERSION).equals(m.get("v"))) {
            throw new IllegalArgumentException("task state version " + m.get("v") + " is not "
                    + TaskStateCodec.VERSION);
        }
        String commandId = str(m, "commandId");
        String state = str(m, "state");
        if (Boolean.TRUE.equals(m.get("terminal"))) {
            return new StoredTask.Finished(commandId, state, instant(m.get("finishedAt")));
        }
        if (TaskStateCodec.CANCEL_REQUESTED.equals(state)) {
            return new StoredTask.CancelRequested(commandId, (String) m.get("reason"));
        }
        ProviderTaskRef ref = null;
        if (m.get("providerTask") != null) {
            Map<String, Object> p = map(m.get("providerTask"), "providerTask");
            ref = new ProviderTaskRef(ProviderId.of(str(p, "provider")), ModelId.of(str(p, "model")),
                    str(p, "taskId"));
        }
        List<Attempt> attempts = new ArrayList<>();
        for (Object a : list(m.get("attempts"))) {
            Map<String, Object> am = map(a, "attempt");
            attempts.add(new Attempt(ProviderId.of(str(am, "provider")), str(am, "outcome")));
        }
        ProviderFailure failure = null;
        if (m.get("failure") != null) {
            Map<String, Object> f = map(m.get("failure"), "failure");
            failure = new ProviderFailure(ErrorCode.valueOf(str(f, "code")), (String) f.get("providerCode"),
                    (String) f.get("message"));
        }
        List<String> warnings = new ArrayList<>();
        list(m.get("warnings")).forEach(w -> warnings.add((String) w));
        return new StoredTask.InFlight(new Task(request(map(m.get("request"), "request")),
                dev.imagegen.core.task.TaskState.valueOf(state), providerId(m.get("provider")), ref, attempts,
                images(m.get("images")),
                failure, warnings, instant(m.get("createdAt")), instant(m.get("updatedAt")),
                instant(m.get("submitIntentAt")), instant(m.get("submittedAt")),
                ((Long) m.get("polls")).intValue(), m.get("progress") == null ? null
                        : ((Long) m.get("progress")).intValue(), null, images(m.get("vendorImages")),
                cost(m.get("cost"))));
    }

    /** A task's cost, absent in records of workers before cost. */
    private static Cost cost(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> c = map(value, "cost");
        return new Cost(new BigDecimal(str(c, "amount")), str(c, "currency"), str(c, "basis"));
    }

    private static List<GeneratedImage> images(Object value) {
        List<GeneratedImage> images = new ArrayList<>();
        for (Object i : list(value)) {
            Map<String, Object> im = map(i, "image");
            images.add(new GeneratedImage(URI.create(str(im, "url")), instant(im.get("expiresAt"))));
        }
        return images;
    }

    private static GenerationRequest request(Map<String, Object> r) {
        List<Reference> references = new ArrayList<>();
        for (Object o : list(r.get("references"))) {
            Map<String, Object> ref = map(o, "reference");
            references.add(ref.get("url") != null ? Reference.url(str(ref, "url"))
                    : Reference.inline(Base64.getDecoder().decode(str(ref, "base64")), str(ref, "mimeType")));
        }
        Map<ProviderId, Map<String, Object>> options = new LinkedHashMap<>();
        map(r.get("providerOptions"), "providerOptions").forEach((k, v) -> options.put(ProviderId.of(k),
                map(v, "providerOptions." + k)));
        Map<String, String> metadata = new LinkedHashMap<>();
        map(r.get("metadata"), "metadata").forEach((k, v) -> metadata.put(k, (String) v));
        Object seed = r.get("seed");
        return new GenerationRequest(TaskId.of(str(r, "id")), providerId(r.get("provider")),
                ModelId.of(str(r, "model")), str(r, "prompt"), (String) r.get("negativePrompt"),
                r.get("aspectRatio") == null ? null : AspectRatio.parse((String) r.get("aspectRatio")),
                r.get("resolution") == null ? null : Resolution.parse((String) r.get("resolution")),
                r.get("outputFormat") == null ? null : OutputFormat.parse((String) r.get("outputFormat")),
                ((Long) r.get("n")).intValue(), seed == null ? null : (Long) seed, references, options,
                instant(r.get("deadline")), metadata, trace(r));
    }

    /** The command's trace context, carried onto the task's later events (absent in states written before it). */
    private static TraceContext trace(Map<String, Object> r) {
        return r.get("traceparent") == null ? null
                : new TraceContext((String) r.get("traceparent"), (String) r.get("tracestate"));
    }

    private static ProviderId providerId(Object value) {
        return value == null ? null : ProviderId.of((String) value);
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse((String) value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + " is not an object");
        }
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String str(Map<String, Object> m, String name) {
        if (!(m.get(name) instanceof String s)) {
            throw new IllegalArgumentException(name + " is not a string");
        }
        return s;
    }
}
