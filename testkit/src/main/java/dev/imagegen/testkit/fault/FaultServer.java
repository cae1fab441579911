package dev.imagegen.testkit.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw TCP server on 127.0.0.1 that fails every connection one way, for the transport cases of the provider
 * contract: what a client sees when the network, not the vendor, fails. Never binds another interface. Closing it
 * closes the listening socket and every connection it holds.
 *
 * <ul>
 *   <li>{@link #refusing()}: nothing listens on the port (connection refused);</li>
 *   <li>{@link #notTls()}: accepts TCP and answers a TLS client hello with plain text, then closes (a TLS
 *       handshake failure when the client is given an {@code https} URL);</li>
 *   <li>{@link #closingDuringHandshake()}: accepts TCP and closes at once (a handshake cut short);</li>
 *   <li>{@link #resetAfterRequest()}: reads the whole request head, then resets the connection (RST, by
 *       {@code SO_LINGER 0}): the request was sent, its answer is lost;</li>
 *   <li>{@link #silent()}: reads the request and never answers (a read timeout).</li>
 * </ul>
 */
public final class FaultServer implements AutoCloseable {

    private enum Fault { NOT_TLS, CLOSE_AT_ONCE, RESET_AFTER_REQUEST, SILENT }

    private static final byte[] PLAIN_ANSWER =
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final String scheme;
    private final Fault fault;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestsRead = new AtomicInteger();
    private final Thread acceptor;

    private FaultServer(Fault fault, String scheme) {
        this.fault = fault;
        this.scheme = scheme;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.acceptor = new Thread(this::acceptAll, "fault-server-" + fault.name().toLowerCase());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * A URL on 127.0.0.1 where nothing listens: a port that was bound and released. (Another process could take
     * the port in between; on a test machine's loopback that is unlikely and would show as a different failure.)
     */
    public static URI refusing() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain text in answer to a TLS client hello; use {@link #baseUrl()}, which is {@code https}. */
    public static FaultServer notTls() {
        return new FaultServer(Fault.NOT_TLS, "https");
    }

    /** Accepts and closes at once; {@link #baseUrl()} is {@code https}. */
    public static FaultServer closingDuringHandshake() {
        return new FaultServer(Fault.CLOSE_AT_ONCE, "https");
    }

    /** Reads the request head, then resets the connection; {@link #baseUrl()} is {@code http}. */
    public static FaultServer resetAfterRequest() {
        return new FaultServer(Fault.RESET_AFTER_REQUEST, "http");
    }

    /** Reads the request and never answers; {@link #baseUrl()} is {@code http}. */
    public static FaultServer silent() {
        return new FaultServer(Fault.SILENT, "http");
    }

    /** {@code <scheme>://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUrl() {
        return URI.create(scheme + "://127.0.0.1:" + listener.getLocalPort());
    }

    /** How many whole request heads this server has read (for the faults that read them). */
    public int requestsRead() {
        return requestsRead.get();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                held.add(socket);
                Thread handler = new Thread(() -> handle(socket), acceptor.getName() + "-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try {
            switch (fault) {
                case NOT_TLS -> {
                    socket.getInputStream().read(new byte[512]);
                    OutputStream out = socket.getOutputStream();
                    out.write(PLAIN_ANSWER);
                    out.flush();
                    socket.close();
                }
                case CLOSE_AT_ONCE -> socket.close();
                case RESET_AFTER_REQUEST -> {
                    readHead(socket.getInputStream());
                    requestsRead.incrementAndGet();
                    socket.setSoLinger(true, 0);
                    socket.close();
                }
                case SILENT -> {
                    readHead(socket.getInputStream());
                    requestsRead.incrementAndGet();
                    // hold the connection open until the client gives up or the server is closed
                    while (socket.getInputStream().read(new byte[1024]) >= 0) {
                        // discard
                    }
                }
            }
        } catch (SocketException closed) {
            // the client or close() ended the connection
        } catch (IOException e) {
            // a fault server has nothing to report
        } finally {
            if (fault != Fault.SILENT) {
                held.remove(socket);
            }
        }
    }

    /** Reads up to the blank line that ends an HTTP request head. */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < end.length && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing a listener that is closed already
        }
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
        held.clear();
    }
}
