package dev.imagegen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.TransportFailure.Call;
import dev.imagegen.spi.TransportFailure.Delivery;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class TransportFailureTest {

    private static final Secret KEY = Secret.of("sk-live-123");

    @Test
    void a_connection_that_could_not_be_made_was_not_sent_however_deeply_wrapped() {
        for (Throwable root : new Throwable[] {new ConnectException("Connection refused"),
                new UnknownHostException("api.example"), new NoRouteToHostException("no route"),
                new UnresolvedAddressException(), new SSLHandshakeException("PKIX path building failed")}) {
            Throwable wrapped = new CompletionException(new RuntimeException("Connect Error", root));
            assertEquals(Delivery.NOT_SENT, TransportFailure.delivery(wrapped), root::toString);
        }
    }

    @Test
    void a_reset_or_timeout_may_have_been_sent() {
        assertEquals(Delivery.MAYBE_SENT, TransportFailure.delivery(new SocketException("Connection reset")));
        assertEquals(Delivery.MAYBE_SENT, TransportFailure.delivery(new SocketTimeoutException("Read timed out")));
        assertEquals(Delivery.MAYBE_SENT, TransportFailure.delivery(new ClosedChannelException()));
        assertEquals(Delivery.MAYBE_SENT, TransportFailure.delivery(new IOException("Connect Error: fake")),
                "the message text never decides");
    }

    @Test
    void only_a_submit_that_may_have_been_sent_has_an_unknown_outcome() {
        assertEquals(ErrorCode.OUTCOME_UNKNOWN, TransportFailure.code(Delivery.MAYBE_SENT, Call.SUBMIT));
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, TransportFailure.code(Delivery.NOT_SENT, Call.SUBMIT));
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, TransportFailure.code(Delivery.MAYBE_SENT, Call.STATUS));
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, TransportFailure.code(Delivery.NOT_SENT, Call.STATUS));
        assertTrue(ErrorCode.PROVIDER_UNAVAILABLE.retryable() && ErrorCode.PROVIDER_UNAVAILABLE.fallbackAllowed());
        assertFalse(ErrorCode.OUTCOME_UNKNOWN.retryable());
    }

    @Test
    void the_exception_names_the_call_keeps_the_cause_and_never_the_key() {
        SocketException reset = new SocketException("Connection reset by sk-live-123");
        ProviderException e = TransportFailure.of(Delivery.MAYBE_SENT, Call.SUBMIT, "acme", "POST /v1/images",
                reset, KEY);
        assertEquals(ErrorCode.OUTCOME_UNKNOWN, e.code());
        assertTrue(e.getMessage().startsWith("acme: POST /v1/images was sent and its answer was lost"),
                e.getMessage());
        assertFalse(e.getMessage().contains("sk-live-123"), e.getMessage());
        assertSame(reset, e.getCause());
    }
}
