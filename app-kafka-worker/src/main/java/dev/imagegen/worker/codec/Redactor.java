package dev.imagegen.worker.codec;

import java.util.List;
import java.util.Objects;

/**
 * Removes known secret values (the configured API keys) from text the worker writes: a second line of defence
 * behind the adapters, which must never put a key in a message in the first place. Immutable and thread-safe.
 */
public final class Redactor {

    public static final Redactor NONE = new Redactor(List.of());
    private static final String MASK = "[secret]";

    private final List<String> secrets;

    /** @param secrets the values to mask; values shorter than 4 characters are ignored (too likely to be text) */
    public Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= 4).distinct().toList();
    }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
