package dev.imagegen.adapter.http;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.Secret;
import dev.imagegen.spi.TransportFailure;
import dev.imagegen.spi.TransportFailure.Call;
import dev.imagegen.spi.TransportFailure.Delivery;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * The one HTTP client of one provider (a Micronaut Netty client, created once, closed with the provider): one
 * exchange per call, every HTTP status answered as a response (the adapter's error table reads it), and a call that
 * got no answer failed with the {@link ProviderException} of the spi's {@link TransportFailure} classification.
 *
 * <p>Micronaut reports every failure to open a connection (TCP connect or TLS handshake, before anything of the
 * request is written) as an {@link HttpClientException} whose message starts {@code "Connect Error"}, whatever
 * Netty saw underneath (a TLS server that closes mid-handshake shows as a bare {@code ClosedChannelException});
 * that wrapper is read as "not sent". Everything else is classified by the JDK types of its causes. The provider
 * contract suite pins both (connection refused, TLS handshake failures, reset after the request, read timeouts).
 *
 * <p>Thread-safe. Messages never carry the API key.
 */
public final class VendorHttp implements AutoCloseable {

    /** The prefix of Micronaut's {@code ConnectionManager} for a connection that could not be opened. */
    private static final String CONNECT_ERROR = "Connect Error";

    private final String provider;
    private final Secret apiKey;
    /** The base URL's path without a trailing slash ("" for none): request paths go under it. */
    private final String basePath;
    private final HttpClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    private VendorHttp(String provider, Secret apiKey, String basePath, HttpClient client) {
        this.provider = provider;
        this.apiKey = apiKey;
        this.basePath = basePath;
        this.client = client;
    }

    /**
     * A client for one provider. Redirects are not followed (a Bearer key must not travel to another host); error
     * statuses are answers, not exceptions.
     *
     * @param provider       the provider id, for messages
     * @param baseUrl        where the vendor's API lives; request paths go under its path (a base URL of
     *                       {@code https://gateway.example/xenodia} sends {@code /v1/tasks} to
     *                       {@code https://gateway.example/xenodia/v1/tasks})
     * @param connectTimeout how long opening a connection may take
     * @param readTimeout    how long an answer may take once the request was sent
     * @param apiKey         the key, kept out of every message
     * @param tuning         further settings of the Netty client (such as its event-loop threads), may be a no-op
     * @throws IllegalArgumentException when the base URL is not a URL
     */
    public static VendorHttp create(String provider, URI baseUrl, Duration connectTimeout, Duration readTimeout,
                                    Secret apiKey, Consumer<DefaultHttpClientConfiguration> tuning) {
        DefaultHttpClientConfiguration settings = new DefaultHttpClientConfiguration();
        settings.setConnectTimeout(connectTimeout);
        settings.setReadTimeout(readTimeout);
        settings.setExceptionOnErrorStatus(false);
        settings.setFollowRedirects(false);
        tuning.accept(settings);
        try {
            String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
            return new VendorHttp(Objects.requireNonNull(provider), Objects.requireNonNull(apiKey),
                    path.endsWith("/") ? path.substring(0, path.length() - 1) : path,
                    HttpClient.create(baseUrl.toURL(), settings));
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException(provider + ": base URL " + baseUrl + " is not a URL", e);
        }
    }

    /**
     * Sends one request and completes with the vendor's answer, whatever its status. Completes exceptionally with a
     * {@link ProviderException} when no answer came: {@code PROVIDER_UNAVAILABLE} when the request was not sent (or
     * for a status call), {@code OUTCOME_UNKNOWN} for a submit that may have been sent.
     */
    public <B> CompletableFuture<HttpResponse<B>> exchange(MutableHttpRequest<?> request, Argument<B> body,
                                                           Call call) {
        if (!basePath.isEmpty() && !request.getUri().isAbsolute()) {
            request.uri(URI.create(basePath + request.getUri()));
        }
        String what = request.getMethodName() + " " + request.getPath();
        if (closed.get()) {
            return CompletableFuture.failedFuture(new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, null,
                    provider + ": the provider is closed; " + what + " was not sent"));
        }
        CompletableFuture<HttpResponse<B>> sent;
        try {
            sent = Mono.from(client.exchange(request, body)).toFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(TransportFailure.of(Delivery.NOT_SENT, call, provider, what, e,
                    apiKey));
        }
        return sent.handle((response, failure) -> {
            if (failure == null && response != null) {
                return response;
            }
            Throwable cause = failure == null
                    ? new IllegalStateException("the exchange ended without a response") : unwrap(failure);
            if (cause instanceof HttpClientResponseException answered) {
                return answerOf(answered);
            }
            throw TransportFailure.of(delivery(cause), call, provider, what, cause, apiKey);
        });
    }

    /** An error status that a client setting turned into an exception after all. */
    @SuppressWarnings("unchecked")
    private static <B> HttpResponse<B> answerOf(HttpClientResponseException answered) {
        return (HttpResponse<B>) answered.getResponse();
    }

    /** NOT_SENT when Micronaut failed to open the connection or the JDK types say so; else MAYBE_SENT. */
    static Delivery delivery(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpClientException && !(t instanceof HttpClientResponseException)
                    && t.getMessage() != null && t.getMessage().startsWith(CONNECT_ERROR)) {
                return Delivery.NOT_SENT;
            }
        }
        return TransportFailure.delivery(failure);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
        }
    }
}
