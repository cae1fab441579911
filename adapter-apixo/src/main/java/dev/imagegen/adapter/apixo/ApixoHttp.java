package dev.imagegen.adapter.apixo;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one Netty HTTP client of a provider: one exchange per call, every status answered as a response (no
 * exception for error statuses), bodies as bytes. A call that cannot even start fails with
 * {@code PROVIDER_UNAVAILABLE}: nothing was sent.
 */
final class ApixoHttp implements AutoCloseable {

    private static final Argument<byte[]> BYTES = Argument.of(byte[].class);

    private final HttpClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    ApixoHttp(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(connectTimeout);
        configuration.setReadTimeout(readTimeout);
        configuration.setExceptionOnErrorStatus(false);
        configuration.setFollowRedirects(false);
        configuration.setNumOfThreads(2);
        try {
            this.client = HttpClient.create(baseUrl.toURL(), configuration);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("base URL " + baseUrl + " is not a URL", e);
        }
    }

    CompletableFuture<HttpResponse<byte[]>> exchange(MutableHttpRequest<?> request) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(notSent("the Apixo provider is closed", null));
        }
        SingleValueSubscriber<HttpResponse<byte[]>> subscriber = new SingleValueSubscriber<>();
        try {
            client.exchange(request, BYTES, BYTES).subscribe(subscriber);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(notSent("the request to Apixo could not be started: " + e, e));
        }
        return subscriber.future();
    }

    private static ProviderException notSent(String message, Throwable cause) {
        return new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, null, message, null, cause);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
        }
    }
}
