package dev.imagegen.adapter.http;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.Secret;
import dev.imagegen.spi.TransportFailure;
import dev.imagegen.spi.TransportFailure.Call;
import dev.imagegen.spi.TransportFailure.Delivery;
import io.micronaut.core.io.buffer.ByteArrayBufferFactory;
import io.micronaut.core.type.Argument;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpResponseWrapper;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.stream.AvailableByteArrayBody;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.RawHttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
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
 * <p>Requests whose body is text, bytes or nothing go through Micronaut's {@link RawHttpClient}: the same
 * connection pool and timeouts without the filter chain and body conversion, which cost most of the client's CPU
 * under load; the answer's body is read whole and handed over as text or bytes. Other bodies (multipart uploads)
 * take the full client.
 *
 * <p>Thread-safe. Messages never carry the API key.
 */
public final class VendorHttp implements AutoCloseable {

    /** The prefix of Micronaut's {@code ConnectionManager} for a connection that could not be opened. */
    private static final String CONNECT_ERROR = "Connect Error";

    private final String provider;
    private final Secret apiKey;
    private final URI baseUrl;
    private final HttpClient client;
    private final RawHttpClient raw;
    private final AtomicBoolean closed = new AtomicBoolean();

    private VendorHttp(String provider, Secret apiKey, URI baseUrl, HttpClient client, RawHttpClient raw) {
        this.provider = provider;
        this.apiKey = apiKey;
        this.baseUrl = baseUrl;
        this.client = client;
        this.raw = raw;
    }

    /**
     * A client for one provider. Redirects are not followed (a Bearer key must not travel to another host); error
     * statuses are answers, not exceptions.
     *
     * @param provider       the provider id, for messages
     * @param baseUrl        where the vendor's API lives; request paths are relative to it
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
            HttpClient full = HttpClient.create(baseUrl.toURL(), settings);
            return new VendorHttp(Objects.requireNonNull(provider), Objects.requireNonNull(apiKey), baseUrl, full,
                    RawHttpClient.create(baseUrl, settings));
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
        String what = request.getMethodName() + " " + request.getPath();
        if (closed.get()) {
            return CompletableFuture.failedFuture(new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, null,
                    provider + ": the provider is closed; " + what + " was not sent"));
        }
        CompletableFuture<HttpResponse<B>> sent;
        try {
            sent = rawBody(request).map(bytes -> sendRaw(request, bytes, body))
                    .orElseGet(() -> Mono.from(client.exchange(request, body)).toFuture());
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

    /** The request's body as bytes when it is text, bytes or absent (empty array); empty for other bodies. */
    private static Optional<byte[]> rawBody(MutableHttpRequest<?> request) {
        Object body = request.getBody().orElse(null);
        if (body == null) {
            return Optional.of(new byte[0]);
        }
        if (body instanceof byte[] bytes) {
            return Optional.of(bytes);
        }
        if (body instanceof CharSequence text) {
            return Optional.of(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    /** Sends through the raw client and reads the whole answer as {@code String} or {@code byte[]}. */
    private <B> CompletableFuture<HttpResponse<B>> sendRaw(MutableHttpRequest<?> request, byte[] bytes,
                                                         Argument<B> body) {
        if (body.getType() != String.class && body.getType() != byte[].class) {
            throw new IllegalArgumentException("answers are read as String or byte[], not " + body.getType());
        }
        request.uri(absolute(request.getUri()));
        CloseableByteBody requestBody = AvailableByteArrayBody.create(ByteArrayBufferFactory.INSTANCE, bytes);
        return Mono.from(raw.exchange(request, requestBody, null)).toFuture()
                .thenCompose(response -> buffered(response, body));
    }

    private URI absolute(URI path) {
        if (path.isAbsolute()) {
            return path;
        }
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    @SuppressWarnings("unchecked")
    private static <B> CompletableFuture<HttpResponse<B>> buffered(HttpResponse<?> response, Argument<B> body) {
        if (!(response instanceof ByteBodyHttpResponse<?> streamed)) {
            return CompletableFuture.completedFuture(new Answer<>((HttpResponse<B>) response, null));
        }
        return streamed.byteBody().buffer().handle((available, failure) -> {
            try (streamed) {
                if (failure != null) {
                    throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                }
                try (CloseableAvailableByteBody whole = available) {
                    byte[] bytes = whole.toByteArray();
                    Object value = body.getType() == String.class ? new String(bytes, StandardCharsets.UTF_8) : bytes;
                    return new Answer<>((HttpResponse<B>) response, (B) value);
                }
            }
        });
    }

    /** A raw client's response with its body read. */
    private static final class Answer<B> extends HttpResponseWrapper<B> {
        private final B body;

        Answer(HttpResponse<B> delegate, B body) {
            super(delegate);
            this.body = body;
        }

        @Override
        public Optional<B> getBody() {
            return Optional.ofNullable(body);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> getBody(Class<T> type) {
            return type.isInstance(body) ? Optional.of((T) body) : Optional.empty();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> getBody(Argument<T> type) {
            return type.getType().isInstance(body) ? Optional.of((T) body) : Optional.empty();
        }
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
            try {
                raw.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
