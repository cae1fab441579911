package dev.imagegen.adapter.xenodia;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.http.uri.UriBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where to ask for a task's state. Xenodia's task answer carries {@code poll_url}; when it is on the base URL's
 * origin (scheme, host and port) and under its path, it is followed. Anything else (another host, which must never
 * receive the key, or no {@code poll_url}) falls back to {@code /v1/tasks/{task_id}}. A {@code poll_url} is
 * remembered per task for twice the task timeout, at most 100,000 of them; a task restored in another process is
 * polled by its id. Thread-safe.
 */
final class PollPaths {

    private static final String TASKS = "/v1/tasks";

    private final URI baseUrl;
    private final Cache<String, String> advertised;

    PollPaths(URI baseUrl, Duration taskTimeout) {
        this.baseUrl = baseUrl;
        this.advertised = Caffeine.newBuilder().expireAfterWrite(taskTimeout.multipliedBy(2))
                .maximumSize(100_000).build();
    }

    /** Remembers the task's {@code poll_url} if it may be followed. */
    void remember(String taskId, String pollUrl) {
        sameOrigin(baseUrl, pollUrl).ifPresent(path -> advertised.put(taskId, path));
    }

    /** The request path (relative to the base URL) of the task's status call. */
    String pathOf(String taskId) {
        String path = advertised.getIfPresent(taskId);
        return path != null ? path : UriBuilder.of(TASKS).path(taskId).build().toString();
    }

    /** A finished task is not polled again. */
    void forget(String taskId) {
        advertised.invalidate(taskId);
    }

    /**
     * The path and query of {@code pollUrl} relative to the base URL, when it resolves (relative or absolute) to the
     * base URL's scheme, host and port and lies under its path; empty otherwise.
     */
    static Optional<String> sameOrigin(URI baseUrl, String pollUrl) {
        if (pollUrl == null || pollUrl.isBlank()) {
            return Optional.empty();
        }
        URI target;
        try {
            target = baseUrl.resolve(pollUrl.trim()).normalize();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceAll("/+$", "");
        String path = target.getRawPath();
        boolean sameOrigin = target.getScheme() != null && target.getHost() != null
                && target.getScheme().equalsIgnoreCase(baseUrl.getScheme())
                && target.getHost().equalsIgnoreCase(baseUrl.getHost())
                && port(target) == port(baseUrl) && target.getRawUserInfo() == null;
        if (!sameOrigin || path == null || !path.startsWith(basePath + "/")) {
            return Optional.empty();
        }
        String query = target.getRawQuery();
        return Optional.of(path.substring(basePath.length()) + (query == null ? "" : "?" + query));
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equals(url.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }
}
