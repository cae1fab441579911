package dev.imagegen.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One download attempt of one image: checks each URL with the {@link UrlGuard}, follows at most
 * {@link StoreOptions#maxRedirects()} redirects itself (the HTTP client never follows one, so every hop is checked),
 * and hands a 200's body to {@link BodyCopy}. Blocks its thread; runs on the store's bounded pool. Thread-safe.
 */
final class Downloader {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> RETRYABLE = Set.of(408, 425, 429);

    private final HttpClient client;
    private final UrlGuard guard;
    private final StoreOptions options;
    private final ScheduledExecutorService timer;

    Downloader(HttpClient client, UrlGuard guard, StoreOptions options, ScheduledExecutorService timer) {
        this.client = client;
        this.guard = guard;
        this.options = options;
        this.timer = timer;
    }

    /** Downloads {@code url} into a new temporary file in {@code dir}. */
    Download fetch(URI url, Path dir) throws FetchFailure, InterruptedException {
        URI current = url;
        for (int hop = 0; ; hop++) {
            guard.check(current);
            String host = current.getHost();
            HttpResponse<InputStream> response = send(current, host);
            int status = response.statusCode();
            if (status == 200) {
                return BodyCopy.copy(response, dir, host, options, timer);
            }
            closeQuietly(response.body());
            if (!REDIRECTS.contains(status)) {
                throw statusFailure(status, host);
            }
            if (hop >= options.maxRedirects()) {
                throw FetchFailure.fatal("gave up after " + options.maxRedirects() + " redirects (the last from host "
                        + host + ")");
            }
            current = redirectTarget(current, response.headers().firstValue("Location"), status, host);
        }
    }

    private HttpResponse<InputStream> send(URI url, String host) throws FetchFailure, InterruptedException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).timeout(options.readTimeout())
                    .header("Accept", "image/png, image/jpeg, image/webp").GET().build();
        } catch (IllegalArgumentException e) {
            throw FetchFailure.fatal("refused a malformed URL on host " + host);
        }
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw FetchFailure.transientFailure("could not connect to host " + host + " within "
                    + options.connectTimeout().toMillis() + " ms", e);
        } catch (HttpTimeoutException e) {
            throw FetchFailure.transientFailure("host " + host + " did not answer within "
                    + options.readTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw FetchFailure.transientFailure("the request to host " + host + " failed ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static URI redirectTarget(URI from, Optional<String> location, int status, String host)
            throws FetchFailure {
        if (location.isEmpty() || location.get().isBlank()) {
            throw FetchFailure.fatal("host " + host + " answered " + status + " without a Location");
        }
        try {
            return from.resolve(new URI(location.get().trim()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw FetchFailure.fatal("host " + host + " redirected to a malformed URL");
        }
    }

    private static FetchFailure statusFailure(int status, String host) {
        String message = "host " + host + " answered HTTP " + status;
        if (status >= 500 || RETRYABLE.contains(status)) {
            return FetchFailure.transientFailure(message, null);
        }
        return FetchFailure.fatal(message);
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing of it was wanted
        }
    }
}
