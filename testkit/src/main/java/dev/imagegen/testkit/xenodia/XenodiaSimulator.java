package dev.imagegen.testkit.xenodia;

import dev.imagegen.testkit.VendorSimulator;
import dev.imagegen.testkit.LoopbackServer;
import dev.imagegen.testkit.TaskLedger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strict simulator of Xenodia's image API on 127.0.0.1, built from the seeds and VENDORS.md:
 * {@code POST /v1/images/generations} (JSON or multipart), {@code GET /v1/tasks/{id}}, the public
 * {@code GET /v1/models}, and the result images (small real PNGs, JPEGs for {@code output_format=jpg}) under
 * {@code /files/}.
 *
 * <p>It checks the Bearer key, refuses with Xenodia's own 400 body whatever the real API refuses (see
 * {@link SimulatedModel} for the per-model rules), moves tasks through {@code waiting}, {@code queuing},
 * {@code generating} to {@code success} over the configured durations, and can be told to fail tasks, pin them in
 * a state, answer synchronously, answer error statuses, stall, or fail discovery. It keeps the submits it
 * received and counts calls per endpoint.
 *
 * <p>Thread-safe and cheap per task: state lives in concurrent maps and is computed from creation times, with no
 * timer or thread per task. Start with {@link #start()} or {@link #start(SimulatorOptions)}; {@link #close()} stops
 * it.
 */
public final class XenodiaSimulator implements VendorSimulator, AutoCloseable {

    private final SimulatorOptions options;
    private final SimState state;
    private final TaskBook tasks;
    private final LoopbackServer server;

    private XenodiaSimulator(SimulatorOptions options) {
        this.options = options;
        this.state = new SimState(options);
        this.tasks = new TaskBook(options);
        Endpoints endpoints = new Endpoints(options, state, tasks, this::baseUrl);
        this.server = LoopbackServer.start(Map.of(
                "/", exchange -> Endpoints.handle(exchange,
                        () -> VendorAnswer.error(404, "not_found", "no such route", null)),
                "/v1/images/generations", exchange -> Endpoints.handle(exchange, () -> endpoints.submit(exchange)),
                "/v1/tasks/", exchange -> Endpoints.handle(exchange, () -> endpoints.poll(exchange)),
                "/v1/models", exchange -> Endpoints.handle(exchange, () -> endpoints.models(exchange)),
                "/files/", endpoints::file), options.threads());
    }

    /** A simulator with {@link SimulatorOptions#defaults()}. */
    public static XenodiaSimulator start() {
        return start(SimulatorOptions.defaults());
    }

    public static XenodiaSimulator start(SimulatorOptions options) {
        return new XenodiaSimulator(options);
    }

    /** {@code http://127.0.0.1:<port>}: the value for {@code XENODIA_BASE_URL}. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /** The only key it accepts: the value for {@code XENODIA_API_KEY}. */
    public String apiKey() {
        return options.apiKey();
    }

    /** {@code XENODIA_API_KEY} and {@code XENODIA_BASE_URL} for this simulator. */
    public Map<String, String> providerConfig() {
        return Map.of("XENODIA_API_KEY", apiKey(), "XENODIA_BASE_URL", baseUrl().toString());
    }

    public SimulatorOptions options() {
        return options;
    }

    // ---- instructions -------------------------------------------------------------------------------------

    /** Forgets every instruction, the received submits and the counters; existing tasks stay. */
    @Override
    public void reset() {
        state.reset();
    }

    @Override
    public void failNextSubmit(int httpStatus, String vendorCode, Integer retryAfterSeconds) {
        failNextSubmits(1, httpStatus, vendorCode, retryAfterSeconds);
    }

    /** The next {@code count} submits are answered with this status and Xenodia's error body. */
    public void failNextSubmits(int count, int httpStatus, String vendorCode, Integer retryAfterSeconds) {
        for (int i = 0; i < count; i++) {
            state.submitFailures.add(new SimState.Injected(httpStatus, vendorCode, retryAfterSeconds));
        }
    }

    /** The next task status call is answered with this status and Xenodia's error body. */
    public void failNextPoll(int httpStatus, String vendorCode, Integer retryAfterSeconds) {
        state.pollFailures.add(new SimState.Injected(httpStatus, vendorCode, retryAfterSeconds));
    }

    /**
     * Tasks submitted from now on end {@code fail} with this {@code error.code} (synchronous answers: a 400 with it
     * for {@code content_policy_violation} and {@code invalid_reference}, else 502 {@code image_generation_failed});
     * null: they succeed again.
     */
    @Override
    public void failTasksWith(String vendorFailCode) {
        state.failCode = vendorFailCode;
    }

    /** Tasks submitted from now on report exactly this state; null: they move through the states again. */
    @Override
    public void pinTasksTo(String vendorState) {
        state.pinnedState = vendorState;
    }

    /**
     * The {@code poll_url} that submits answer from now on: this format with the task id as its one {@code %s}
     * (relative like Xenodia's {@code /v1/tasks/%s}, or absolute); null for Xenodia's own.
     */
    public void advertisePollUrl(String format) {
        state.pollUrlFormat = format;
    }

    /** How valid submits are answered from now on. */
    public void respondWith(ResponseMode mode) {
        state.mode = mode;
    }

    /** The next submit is answered only after this delay (to provoke a client read timeout). */
    public void stallNextSubmit(Duration delay) {
        state.submitStall.set(delay);
    }

    /** The next task status call is answered only after this delay. */
    public void stallNextPoll(Duration delay) {
        state.pollStall.set(delay);
    }

    /** The next {@code GET /v1/models} is answered only after this delay. */
    public void stallNextDiscovery(Duration delay) {
        state.discoveryStall.set(delay);
    }

    /** {@code GET /v1/models} answers 503 while true. */
    public void failDiscovery(boolean down) {
        state.discoveryDown = down;
    }

    /**
     * Whether task answers carry {@code billing} (the task's tier price reserved, then committed on success or
     * released on failure); true after a reset. False: no {@code billing} field at all.
     */
    public void reportBilling(boolean report) {
        state.reportBilling = report;
    }

    /** The models submits are checked against and discovery lists, from now on, in this order. */
    public void serveModels(List<SimulatedModel> served) {
        state.serve(served);
    }

    /**
     * While true, a 401 message quotes the Bearer token it was sent, as some APIs do (Xenodia's 401 text is not
     * documented); for proving a client never repeats such a message verbatim.
     */
    public void echoPresentedKey(boolean echo) {
        state.echoPresentedKey = echo;
    }

    // ---- observations -------------------------------------------------------------------------------------

    /** The path and query of the last task status call since the last reset, or null. */
    public String lastStatusCall() {
        return state.lastStatusCall.get();
    }

    /** The submits received since the last reset (at most {@code recordLimit}, the newest), oldest first. */
    public List<ReceivedSubmit> submits() {
        return new ArrayList<>(state.received);
    }

    /** The newest submit received. @throws IllegalStateException when there was none */
    public ReceivedSubmit lastSubmit() {
        ReceivedSubmit last = state.received.peekLast();
        if (last == null) {
            throw new IllegalStateException("the simulator received no submit");
        }
        return last;
    }

    /** Calls received per endpoint since the last reset. */
    public Counters counters() {
        return state.counters();
    }

    /** Per-task creation, finish and status-call times, for load runs. */
    public TaskLedger ledger() {
        return tasks.ledger;
    }

    /** How many tasks it holds. */
    public int taskCount() {
        return tasks.size();
    }

    /** A task's state now, as a status call would report it. */
    public Optional<String> stateOf(String taskId) {
        return tasks.find(taskId).map(tasks::stateOf);
    }

    @Override
    public void close() {
        server.close();
    }
}
