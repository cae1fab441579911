package dev.imagegen.core;

import dev.imagegen.core.task.TaskEvent;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;

/**
 * One task's events as a {@link Flow.Publisher}: each subscriber gets the events from its subscription on, with
 * back-pressure (a subscriber that does not request delays only its own events), and completion after the terminal
 * event. Thread-safe.
 */
final class TaskEvents implements Flow.Publisher<TaskEvent> {

    private final GenerationHandle handle;

    TaskEvents(GenerationHandle handle) {
        this.handle = handle;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super TaskEvent> subscriber) {
        SubmissionPublisher<TaskEvent> publisher = new SubmissionPublisher<>();
        publisher.subscribe(subscriber);
        handle.onEvent(event -> {
            publisher.submit(event);
            if (event.terminal()) {
                publisher.close();
            }
        });
    }
}
