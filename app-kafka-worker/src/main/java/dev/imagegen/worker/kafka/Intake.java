package dev.imagegen.worker.kafka;

import dev.imagegen.core.GenerationHost;
import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.TaskId;
import dev.imagegen.core.TraceContext;
import dev.imagegen.core.Tracing;
import dev.imagegen.core.task.Task;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.worker.WorkerMetrics;
import dev.imagegen.worker.codec.CallbackRecord;
import dev.imagegen.worker.codec.Decoded;
import dev.imagegen.worker.codec.EventMessage;
import dev.imagegen.worker.config.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns what arrives (command records from Kafka, saves from the engine) into what the next transaction writes.
 * Confined to the loop thread.
 */
final class Intake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    private static final Header[] NO_HEADERS = new Header[0];
    /** The most task states one retention pass writes again (the rest go in the next passes). */
    static final int MAX_REWRITES = 1000;

    /** Completes a save whose partition this worker no longer owns: the engine then drops the step. */
    static final class PartitionReleased extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PartitionReleased() {
            super("the task's partition was handed to another worker", null, false, false);
        }
    }

    /** Completes the save of a task whose state is too large to write: the engine then drops the task. */
    static final class TaskStateTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TaskStateTooLarge() {
            super("the task's state is over the tasks topic's limit", null, false, false);
        }
    }

    private final Topics topics;
    private final RecordLimits limits;
    private final Codecs codecs;
    private final GenerationHost engine;
    private final KafkaTaskStore store;
    private final Ownership ownership;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final Tracing tracing;
    private final List<KafkaTaskStore.Save> held = new ArrayList<>();

    Intake(Topics topics, RecordLimits limits, Codecs codecs, GenerationHost engine, KafkaTaskStore store,
           Ownership ownership, WorkerMetrics metrics, Clock clock, Tracing tracing) {
        this.topics = topics;
        this.limits = limits;
        this.codecs = codecs;
        this.engine = engine;
        this.store = store;
        this.ownership = ownership;
        this.metrics = metrics;
        this.clock = clock;
        this.tracing = tracing;
    }

    void records(ConsumerRecords<byte[], byte[]> records, Outbox outbox) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            PartitionState state = ownership.partition(record.partition());
            if (state == null) {
                continue;
            }
            state.next = record.offset() + 1;
            metrics.consumed();
            try {
                command(record, state, outbox);
            } catch (RuntimeException e) {
                LOG.error("internal error on {}-{}@{}; the record goes to the DLQ", record.topic(),
                        record.partition(), record.offset(), e);
                outbox.dlq(topics.dlq(), record, "internal error: " + e.getClass().getSimpleName());
            } finally {
                MDC.remove(WorkerLoop.MDC_COMMAND_ID);
            }
        }
    }

    private void command(ConsumerRecord<byte[], byte[]> record, PartitionState state, Outbox outbox) {
        Decoded decoded = codecs.commands().read(record.value());
        TraceContext trace = TraceHeaders.read(record.headers());
        if (decoded instanceof Decoded.Command command) {
            MDC.put(WorkerLoop.MDC_COMMAND_ID, command.request().id().value());
            Tracing.Span span = intakeSpan(command, trace);
            try {
                generate(command.request().withTrace(trace), state, record.offset(), outbox);
            } catch (RuntimeException e) {
                span.failed(Tracing.INTERNAL_ERROR);
                throw e;
            } finally {
                span.end();
            }
            return;
        }
        if (decoded instanceof Decoded.Unreadable unreadable) {
            outbox.dlq(topics.dlq(), record, unreadable.reason());
        } else if (decoded instanceof Decoded.Cancel cancel) {
            cancel(cancel, state, record.offset(), outbox);
        } else if (decoded instanceof Decoded.Callback handedOn) {
            CallbackRecord callback = handedOn.callback();
            if (TaskId.isValid(callback.commandId())
                    && ownership.partitionOf(TaskId.of(callback.commandId())) != null) {
                engine.onCallback(ProviderId.of(callback.provider()), callback.token(), callback.body());
            }
        } else if (decoded instanceof Decoded.Invalid invalid) {
            Instant now = clock.instant();
            if (!state.known.add(invalid.commandId(), CommandIds.minute(now))) {
                metrics.duplicate();
                return;
            }
            MDC.put(WorkerLoop.MDC_COMMAND_ID, invalid.commandId());
            EventMessage event = EventMessage.invalid(invalid, now);
            event(event, trace, outbox);
            outbox.state(topics.tasks(), state.partition, invalid.commandId(),
                    codecs.tasks().finished(invalid.commandId(), event.status().name(), now));
        }
    }

    /** The intake span of a generate command: a child of the command's trace. */
    private Tracing.Span intakeSpan(Decoded.Command command, TraceContext trace) {
        if (tracing == Tracing.NONE) {
            return Tracing.Span.NONE;
        }
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        command.request().providerIfNamed().ifPresent(p -> attributes.put(Tracing.PROVIDER, p.value()));
        attributes.put(Tracing.MODEL, command.request().model().value());
        attributes.put(Tracing.COMMAND_ID, command.request().id().value());
        return tracing.start(Tracing.INTAKE, trace, attributes);
    }

    /** A generate command (its trace context in the request): to the engine, unless a duplicate or cancelled. */
    private void generate(GenerationRequest request, PartitionState state, long offset, Outbox outbox) {
        TaskId id = request.id();
        if (!state.known.add(id.value(), CommandIds.IN_FLIGHT)) {
            metrics.duplicate();
            return;
        }
        PartitionState.EarlyCancel early = state.cancelledBefore.remove(id.value());
        if (early != null) {
            Instant now = clock.instant();
            state.known.stamp(id.value(), CommandIds.minute(now));
            event(EventMessage.cancelledBeforeStart(request, early.reason(), now), request.trace(), outbox);
            outbox.state(topics.tasks(), state.partition, id.value(),
                    codecs.tasks().finished(id.value(), "CANCELLED", now));
            return;
        }
        ownership.awaitFirstSave(id, state.partition, offset);
        try {
            engine.submit(request);
        } catch (RuntimeException e) {
            ownership.untrack(id);
            state.known.remove(id.value());
            throw e;
        }
    }

    /**
     * A cancel command (CONTRACT §5.2): a task driven here is cancelled by the engine (the cancel's offset is
     * committed with the task's terminal event); a finished one is left alone; an unknown one is remembered, in
     * memory and in the tasks topic, so that its generate command ends CANCELLED when it comes.
     */
    private void cancel(Decoded.Cancel cancel, PartitionState state, long offset, Outbox outbox) {
        TaskId id = TaskId.of(cancel.commandId());
        if (ownership.partitionOf(id) != null) {
            ownership.awaitTerminalSave(id, state.partition, offset);
            engine.cancel(id, cancel.reason());
        } else if (!state.known.contains(id.value()) && !state.cancelledBefore.containsKey(id.value())) {
            state.cancelledBefore.put(id.value(), new PartitionState.EarlyCancel(cancel.reason(),
                    CommandIds.minute(clock.instant())));
            outbox.state(topics.tasks(), state.partition, id.value(),
                    codecs.tasks().cancelRequested(id.value(), cancel.reason()));
        }
    }

    /**
     * Moves the engine's saves into the outbox. A save whose partition is not owned is refused; a new submit
     * intent in a partition being handed over is held back (never written, never answered), so that no vendor
     * call starts that the next owner would not know about.
     */
    void saves(List<KafkaTaskStore.Save> saves, Collection<Integer> handingOver, Outbox outbox) {
        for (KafkaTaskStore.Save save : saves) {
            MDC.put(WorkerLoop.MDC_COMMAND_ID, save.task().id().value());
            try {
                save(save, handingOver, outbox);
            } finally {
                MDC.remove(WorkerLoop.MDC_COMMAND_ID);
            }
        }
    }

    private void save(KafkaTaskStore.Save save, Collection<Integer> handingOver, Outbox outbox) {
        Task task = save.task();
        Integer partition = ownership.partitionOf(task.id());
        if (partition == null || ownership.partition(partition) == null) {
            save.done().completeExceptionally(new PartitionReleased());
            return;
        }
        if (handingOver.contains(partition) && task.submitInDoubt() && !ownership.inDoubt(task.id())) {
            held.add(save);
            return;
        }
        byte[] state = codecs.tasks().write(task);
        int size = RecordLimits.sizeOf(task.id().value().getBytes(StandardCharsets.UTF_8), state, NO_HEADERS);
        if (size > limits.tasks()) {
            tooLarge(save, partition, size, outbox);
            return;
        }
        outbox.state(topics.tasks(), partition, task.id().value(), state);
        if (save.event() != null) {
            event(EventMessage.of(save.event()), task.request().trace(), outbox);
        }
        outbox.completeOnCommit(save.done());
        if (task.terminal()) {
            ownership.partition(partition).known.stamp(task.id().value(), CommandIds.minute(task.updatedAt()));
        }
        ownership.saved(task.id(), task.terminal(), task.submitInDoubt());
        ownership.written(task.id(), clock.instant());
    }

    /** Gives up on commands whose first save never came (an engine failure), answering each FAILED. */
    void giveUpOnStuck(long afterNanos, Outbox outbox) {
        for (TaskId id : ownership.stuck(afterNanos)) {
            Integer partition = ownership.partitionOf(id);
            LOG.error("task {} got no answer from the engine; it ends FAILED", id);
            failed(id, partition, ErrorCode.GENERATION_FAILED, "internal error: the engine did not take the task",
                    Map.of(), null, outbox);
        }
    }

    /**
     * Answers FAILED a task whose state is over the tasks topic's limit, and stops driving it: the worker could not
     * remember it across a crash. Usually this is its first save, before any vendor call.
     */
    private void tooLarge(KafkaTaskStore.Save save, int partition, int size, Outbox outbox) {
        TaskId id = save.task().id();
        LOG.warn("the state of task {} is {} bytes, over the limit of {} bytes of topic {}; the task ends FAILED", id,
                size, limits.tasks(), topics.tasks());
        save.done().completeExceptionally(new TaskStateTooLarge());
        failed(id, partition, ErrorCode.INVALID_REQUEST, "the command is too large for this worker: its task state "
                + "of " + size + " bytes exceeds the tasks topic's limit of " + limits.tasks() + " bytes",
                save.task().request().metadata(), save.task().request().trace(), outbox);
    }

    /** Stops driving a task and answers it FAILED; its commandId stays known. */
    private void failed(TaskId id, int partition, ErrorCode code, String message, Map<String, String> metadata,
                        TraceContext trace, Outbox outbox) {
        engine.release(id);
        store.forget(id);
        ownership.untrack(id);
        Instant now = clock.instant();
        ownership.partition(partition).known.stamp(id.value(), CommandIds.minute(now));
        event(EventMessage.failed(id.value(), code, message, metadata, now), trace, outbox);
        outbox.state(topics.tasks(), partition, id.value(), codecs.tasks().finished(id.value(), "FAILED", now));
    }

    /**
     * Puts an event in the outbox; reduced ({@link EventMessage#reduced}) when the whole would exceed the events
     * topic's limit, since a record over it would fail every transaction that carries it.
     */
    private void event(EventMessage event, TraceContext trace, Outbox outbox) {
        byte[] value = codecs.events().write(event);
        Header[] headers = TraceHeaders.of(trace);
        int size = RecordLimits.sizeOf(event.commandId().getBytes(StandardCharsets.UTF_8), value, headers);
        if (size > limits.events()) {
            LOG.warn("the {} event of {} would exceed the limit of {} bytes of topic {}; it goes there without its "
                    + "warnings and metadata", event.status(), event.commandId(), limits.events(), topics.events());
            value = codecs.events().write(event.reduced("warnings and metadata were left out: the event of " + size
                    + " bytes exceeded the events topic's limit of " + limits.events() + " bytes"));
        }
        outbox.event(topics.events(), event.commandId(), value, event.status().name(), headers);
    }

    /**
     * Forgets what the dedup retention no longer covers: finished commandIds and cancels that came first, older than
     * {@code retention}. The tasks topic forgets them too (its {@code retention.ms}); so that it never forgets a task
     * in flight, each one's state is written again once its last record is half a retention old.
     */
    void retain(Duration retention, Outbox outbox) {
        Instant now = clock.instant();
        int cutoff = CommandIds.minute(now.minus(retention));
        int forgotten = 0;
        for (Integer number : ownership.owned()) {
            PartitionState state = ownership.partition(number);
            forgotten += state.known.forgetFinishedBefore(cutoff);
            state.cancelledBefore.values().removeIf(early -> early.minute() < cutoff);
        }
        int rewritten = 0;
        for (TaskId id : ownership.writtenBefore(now.minus(retention.dividedBy(2)))) {
            if (rewritten == MAX_REWRITES) {
                break;
            }
            Task task = store.find(id).orElse(null);
            Integer partition = ownership.partitionOf(id);
            if (task != null && partition != null && !ownership.inDoubt(id)) {
                outbox.state(topics.tasks(), partition, id.value(), codecs.tasks().write(task));
                ownership.written(id, now);
                rewritten++;
            }
        }
        if (forgotten > 0 || rewritten > 0) {
            LOG.info("dedup retention {}: forgot {} finished commandIds, wrote the state of {} long-running tasks "
                    + "again", retention, forgotten, rewritten);
        }
    }

    /** Refuses the held saves of these partitions (after they were released). */
    void dropHeld(Collection<Integer> partitions) {
        for (Iterator<KafkaTaskStore.Save> it = held.iterator(); it.hasNext(); ) {
            KafkaTaskStore.Save save = it.next();
            Integer partition = ownership.partitionOf(save.task().id());
            if (partition == null || partitions.contains(partition)) {
                save.done().completeExceptionally(new PartitionReleased());
                it.remove();
            }
        }
    }
}
