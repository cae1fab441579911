package dev.imagegen.adapter.apixo;

import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Bridges a single-value reactive-streams publisher (the HTTP client's exchange) to a future. */
final class SingleValueSubscriber<T> implements Subscriber<T> {

    private final CompletableFuture<T> future = new CompletableFuture<>();

    CompletableFuture<T> future() {
        return future;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        subscription.request(1);
    }

    @Override
    public void onNext(T value) {
        future.complete(value);
    }

    @Override
    public void onError(Throwable error) {
        future.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        future.completeExceptionally(new IllegalStateException("the HTTP exchange ended without a response"));
    }
}
