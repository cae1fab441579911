package dev.imagegen.spi.contract;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.testkit.fault.FaultServer;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * A network failure of the kind no vendor answer shows (the vendor never saw the call, or its answer was lost),
 * the call it hits and the code every adapter must fail with. A call that was never sent (connection refused, a
 * failed TLS handshake) is safe to repeat or send elsewhere: {@code PROVIDER_UNAVAILABLE}. A submit that was sent
 * and lost its answer (reset, read timeout) may have been accepted and billed: {@code OUTCOME_UNKNOWN}. A status
 * call may always be repeated.
 *
 * @param name     what happens, for the test's display name
 * @param fault    where the provider is pointed: a base URL and what to close afterwards
 * @param submit   true for a submit, false for a status call
 * @param expected the code the call must fail with
 * @param sent     whether the fault server must have read the request (the failure came after it was written)
 */
record TransportCase(String name, Supplier<Fault> fault, boolean submit, ErrorCode expected, boolean sent) {

    /** A base URL to point the provider at, and what ends the fault when the case is done. */
    record Fault(URI baseUrl, FaultServer server) implements AutoCloseable {

        static Fault of(FaultServer server) {
            return new Fault(server.baseUrl(), server);
        }

        int requestsRead() {
            return server == null ? 0 : server.requestsRead();
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    static List<TransportCase> all() {
        Supplier<Fault> refused = () -> new Fault(FaultServer.refusing(), null);
        Supplier<Fault> notTls = () -> Fault.of(FaultServer.notTls());
        Supplier<Fault> cutHandshake = () -> Fault.of(FaultServer.closingDuringHandshake());
        Supplier<Fault> reset = () -> Fault.of(FaultServer.resetAfterRequest());
        Supplier<Fault> silent = () -> Fault.of(FaultServer.silent());
        return List.of(
                new TransportCase("connection refused", refused, true, ErrorCode.PROVIDER_UNAVAILABLE, false),
                new TransportCase("connection refused", refused, false, ErrorCode.PROVIDER_UNAVAILABLE, false),
                new TransportCase("TLS handshake answered in plain text", notTls, true,
                        ErrorCode.PROVIDER_UNAVAILABLE, false),
                new TransportCase("TLS handshake answered in plain text", notTls, false,
                        ErrorCode.PROVIDER_UNAVAILABLE, false),
                new TransportCase("TLS handshake cut short", cutHandshake, true, ErrorCode.PROVIDER_UNAVAILABLE,
                        false),
                new TransportCase("reset after the request", reset, true, ErrorCode.OUTCOME_UNKNOWN, true),
                new TransportCase("reset after the request", reset, false, ErrorCode.PROVIDER_UNAVAILABLE, true),
                new TransportCase("read timeout", silent, true, ErrorCode.OUTCOME_UNKNOWN, true),
                new TransportCase("read timeout", silent, false, ErrorCode.PROVIDER_UNAVAILABLE, true));
    }

    @Override
    public String toString() {
        return name + " on " + (submit ? "submit" : "poll") + " -> " + expected;
    }
}
