package dev.imagegen.worker.codec;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.InvalidRequestException;
import dev.imagegen.core.Violation;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** One command's fields, read into a request builder while every violation is collected. Not thread-safe. */
final class CommandFields {

    private final Map<String, Object> fields;
    private final String commandId;
    private final Set<ProviderId> knownProviders;
    private final List<Violation> violations = new ArrayList<>();
    private final GenerationRequest.Builder builder = GenerationRequest.builder();

    CommandFields(Map<String, Object> fields, String commandId, Set<ProviderId> knownProviders) {
        this.fields = fields;
        this.commandId = commandId;
        this.knownProviders = knownProviders;
    }

    Decoded decode() {
        Object type = fields.get("type");
        if (type != null && !CommandReader.TYPE.equals(type)) {
            violations.add(Violation.invalid("type", shown(type), CommandReader.TYPE + " (or "
                    + CommandReader.CANCEL_TYPE + ", with commandId and reason only)"));
        }
        builder.id(commandId);
        string("provider").ifPresent(this::provider);
        string("model").ifPresent(builder::model);
        string("prompt").ifPresent(builder::prompt);
        string("negativePrompt").ifPresent(builder::negativePrompt);
        string("aspectRatio").ifPresent(builder::aspectRatio);
        string("resolution").ifPresent(builder::resolution);
        string("outputFormat").ifPresent(builder::outputFormat);
        string("deadline").ifPresent(this::deadline);
        wholeNumber("n", 1, Integer.MAX_VALUE).ifPresent(n -> builder.n(n.intValue()));
        wholeNumber("seed", Long.MIN_VALUE, Long.MAX_VALUE).ifPresent(builder::seed);
        references();
        providerOptions();
        Map<String, String> metadata = metadata();
        builder.metadata(metadata);
        try {
            GenerationRequest request = builder.build();
            if (violations.isEmpty()) {
                return new Decoded.Command(request);
            }
        } catch (InvalidRequestException e) {
            Set<String> mine = violations.stream().map(Violation::field).collect(Collectors.toSet());
            e.violations().stream().filter(v -> !mine.contains(v.field())).forEach(violations::add);
        }
        String message = violations.stream().map(v -> v.field().equals("id") ? renamed(v) : v)
                .map(Violation::message).collect(Collectors.joining("; "));
        return new Decoded.Invalid(commandId, idOrNull(fields.get("provider"), true),
                idOrNull(fields.get("model"), false), metadata, message);
    }

    private void provider(String value) {
        try {
            if (!knownProviders.contains(ProviderId.of(value))) {
                violations.add(Violation.invalid("provider", shown(value), "one of " + known()));
                return;
            }
        } catch (IllegalArgumentException e) {
            violations.add(Violation.invalid("provider", shown(value), "one of " + known()));
            return;
        }
        builder.provider(value);
    }

    private void deadline(String value) {
        try {
            builder.deadline(Instant.parse(value));
        } catch (DateTimeParseException e) {
            violations.add(Violation.invalid("deadline", shown(value), "an ISO-8601 instant such as "
                    + "2026-11-22T10:15:00Z"));
        }
    }

    private void references() {
        Object value = fields.get("references");
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> list)) {
            violations.add(Violation.invalid("references", typeOf(value), "an array of references"));
            return;
        }
        for (Object item : list) {
            reference(item);
        }
    }

    private void reference(Object item) {
        if (!(item instanceof Map<?, ?> ref)) {
            builder.invalidReference(typeOf(item), "an object with url, or base64 and mimeType");
            return;
        }
        Object url = ref.get("url");
        Object base64 = ref.get("base64");
        Object mime = ref.get("mimeType");
        if (url != null && base64 == null && mime == null) {
            if (url instanceof String u) {
                builder.referenceUrl(u);
            } else {
                builder.invalidReference("url is " + typeOf(url), "an absolute http(s) URL");
            }
        } else if (url == null && base64 instanceof String b && mime instanceof String m) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(b);
            } catch (IllegalArgumentException e) {
                builder.invalidReference("base64 is not valid Base64", "Base64 image bytes");
                return;
            }
            if (bytes.length == 0) {
                builder.invalidReference("base64 is empty", "Base64 image bytes");
                return;
            }
            builder.referenceBytes(bytes, m);
        } else {
            builder.invalidReference("fields " + ref.keySet(), "either {url} or {base64, mimeType}");
        }
    }

    private void providerOptions() {
        Object value = fields.get("providerOptions");
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> byProvider)) {
            violations.add(Violation.invalid("providerOptions", typeOf(value), "an object keyed by provider id"));
            return;
        }
        byProvider.forEach((key, options) -> {
            if (!(options instanceof Map<?, ?> map)) {
                violations.add(Violation.invalid("providerOptions." + shown(key), typeOf(options), "an object"));
                return;
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    copy.put((String) k, v);
                }
            });
            builder.providerOptions((String) key, copy);
        });
    }

    private Map<String, String> metadata() {
        Object value = fields.get("metadata");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            violations.add(Violation.invalid("metadata", typeOf(value), "an object of string values"));
            return Map.of();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        long chars = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            if (!(e.getValue() instanceof String s)) {
                violations.add(Violation.invalid("metadata." + shown(key), typeOf(e.getValue()), "a string"));
                return Map.of();
            }
            if (Text.hasLoneSurrogate(key) || Text.hasLoneSurrogate(s)) {
                violations.add(Violation.invalid("metadata." + shown(key), "text", "valid Unicode"));
                return Map.of();
            }
            chars += key.length() + s.length();
            metadata.put(key, s);
        }
        if (chars > CommandReader.MAX_METADATA_CHARS) {
            violations.add(Violation.invalid("metadata", chars + " characters",
                    "at most " + CommandReader.MAX_METADATA_CHARS + " characters of keys and values"));
            return Map.of();
        }
        return metadata;
    }

    private java.util.Optional<String> string(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (value instanceof String s) {
            return java.util.Optional.of(s);
        }
        violations.add(Violation.invalid(name, typeOf(value), "a string"));
        return java.util.Optional.empty();
    }

    private java.util.Optional<Long> wholeNumber(String name, long min, long max) {
        Object value = fields.get(name);
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (value instanceof Long l && l >= min && l <= max) {
            return java.util.Optional.of(l);
        }
        String allowed = "a whole number from " + min + " to " + max;
        violations.add(Violation.invalid(name, value instanceof Long || JsonTree.isWholeNumber(value)
                ? shown(value) : typeOf(value), allowed));
        return java.util.Optional.empty();
    }

    private String known() {
        return knownProviders.stream().map(ProviderId::value).sorted().collect(Collectors.joining(", "));
    }

    private static Violation renamed(Violation v) {
        return new Violation("commandId", v.value(), v.allowed(), v.code());
    }

    private static String idOrNull(Object value, boolean provider) {
        if (!(value instanceof String s)) {
            return null;
        }
        try {
            return provider ? ProviderId.of(s).value() : ModelId.of(s).value();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return JsonTree.isWholeNumber(value) ? "a whole number" : "a number";
    }

    private static String shown(Object value) {
        String text = Objects.toString(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
