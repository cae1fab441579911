package dev.imagegen.adapter.bailian;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.ProviderException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Which HTTP API the provider speaks: seed 003's gateway (one submit path, the {@code {success, code, message,
 * data}} envelope, DashScope and Ark models) or Alibaba's native DashScope API (a path per model family, the async
 * header on task submits, no envelope, DashScope models only).
 */
enum ApiStyle {
    GATEWAY("gateway"),
    DASHSCOPE("dashscope");

    static final String GATEWAY_SUBMIT_PATH = "/api/v1/images/generations";
    static final String ASYNC_HEADER = "X-DashScope-Async";

    private final String word;

    ApiStyle(String word) {
        this.word = word;
    }

    String word() {
        return word;
    }

    static ApiStyle of(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown API style " + word));
    }

    /** Where a family's submit goes, and whether it carries the async header. */
    Route route(ModelFamily family) {
        if (this == GATEWAY) {
            return new Route(GATEWAY_SUBMIT_PATH, false);
        }
        String path = family.nativePath().orElseThrow(() -> new ProviderException(ErrorCode.UNSUPPORTED_MODEL, null,
                "bailian: " + family.models() + " are Volcano Engine models, served only through the gateway"
                        + " (BAILIAN_API_STYLE=gateway), not by the native DashScope API"));
        return new Route(path, family.async());
    }

    static String taskPath(String taskId) {
        return "/api/v1/tasks/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
    }

    static String cancelPath(String taskId) {
        return taskPath(taskId) + "/cancel";
    }

    /** The models this style serves, each with its family's declared capabilities. */
    List<ModelOffer> offers() {
        return Arrays.stream(ModelFamily.values())
                .filter(f -> this == GATEWAY || f.nativePath().isPresent())
                .flatMap(ModelFamily::offers)
                .toList();
    }

    /** A submit's path below the base URL, and whether it needs {@code X-DashScope-Async: enable}. */
    record Route(String path, boolean asyncHeader) {
    }
}
