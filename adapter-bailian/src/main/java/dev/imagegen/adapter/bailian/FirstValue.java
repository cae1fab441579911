package dev.imagegen.adapter.bailian;

import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The first value of a single-value publisher (the HTTP client's exchange) as a future, without blocking. */
final class FirstValue<T> implements Subscriber<T> {

    private final CompletableFuture<T> future = new CompletableFuture<>();

    private FirstValue() {
    }

    static <T> CompletableFuture<T> of(Publisher<T> publisher) {
        FirstValue<T> subscriber = new FirstValue<>();
        publisher.subscribe(subscriber);
        return subscriber.future;
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
    public void onError(Throwable failure) {
        future.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        future.completeExceptionally(new IllegalStateException("the HTTP exchange ended without a response"));
    }
}
