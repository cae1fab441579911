package dev.imagegen.core;

import dev.imagegen.spi.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test-data builders for generation requests and references. */
public final class Requests {

    public static final String PROMPT = "a lighthouse on a cliff at dusk";

    private Requests() {
    }

    /** A builder holding a valid request for the model: id, model and prompt set, everything else open. */
    public static GenerationRequest.Builder aRequest(String model) {
        return GenerationRequest.builder().id("task-1").model(model).prompt(PROMPT);
    }

    /** A valid request for the model with nothing else set. */
    public static GenerationRequest plain(String model) {
        return aRequest(model).build();
    }

    /** The {@code i}-th reference URL. */
    public static Reference url(int i) {
        return Reference.url("https://example.com/ref-" + i + ".png");
    }

    /** Inline bytes of the given size and type (content irrelevant to the rules). */
    public static Reference.Inline bytes(int size, String mimeType) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 7);
        return Reference.inline(bytes, mimeType);
    }

    /** A small inline PNG reference. */
    public static Reference.Inline png() {
        return bytes(64, "image/png");
    }

    /** {@code count} URL references. */
    public static List<Reference> urls(int count) {
        List<Reference> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            refs.add(url(i));
        }
        return refs;
    }

    /** The builder with the given references added. */
    public static GenerationRequest.Builder with(GenerationRequest.Builder builder, List<Reference> references) {
        references.forEach(builder::reference);
        return builder;
    }
}
