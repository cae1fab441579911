package dev.imagegen.adapter.xenodia;

import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Bridges a single-value reactive-streams publisher (one HTTP exchange) to a future, without blocking. */
final class SingleResult<T> implements Subscriber<T> {

    private final CompletableFuture<T> future = new CompletableFuture<>();

    private SingleResult() {
    }

    static <T> CompletableFuture<T> of(Publisher<T> publisher) {
        SingleResult<T> subscriber = new SingleResult<>();
        publisher.subscribe(subscriber);
        return subscriber.future;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        future.whenComplete((value, failure) -> {
            if (future.isCancelled()) {
                subscription.cancel();
            }
        });
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
        future.completeExceptionally(new NoSuchElementException("the exchange ended without a response"));
    }
}
