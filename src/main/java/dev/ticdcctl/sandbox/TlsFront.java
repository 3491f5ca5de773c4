package dev.ticdcctl.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Terminates TLS in front of a capture's plain HTTP server and pipes each connection to it.
 *
 * <p>Why not {@code HttpsServer}: it closes a connection whose handshake failed without sending the TLS alert, so a
 * client refused for its certificate sees a dropped connection after its (TLS 1.3) handshake, while TiCDC (Go)
 * answers {@code certificate_required} or {@code bad_certificate}. JSSE sockets send the alert, as TiCDC does. And
 * like Go's server, a plain HTTP request gets a 400 saying that this is an HTTPS server.
 */
final class TlsFront {
    /** The server identity, and whether clients must present a certificate that the context's trust accepts. */
    record Config(SSLContext context, boolean requireClientCertificates) {}

    private static final int HANDSHAKE_TIMEOUT_MILLIS = 30_000;
    /** The first byte of a TLS handshake record; anything else is answered as Go's net/http does. */
    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    private static final byte[] PLAIN_HTTP_REFUSED = ("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request"
            + " to an HTTPS server.\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final SSLSocketFactory tls;
    private final boolean requireClientCertificates;
    private final InetSocketAddress backend;
    private final ExecutorService executor;
    /** Local ports of the connections this front opened to the backend: the only ones it may answer. */
    private final Set<Integer> pipedPorts = ConcurrentHashMap.newKeySet();

    /** Listens on loopback {@code port} (0: a free one); {@code executor} runs the accept loop and the pipes. */
    TlsFront(Config config, int port, InetSocketAddress backend, ExecutorService executor) throws IOException {
        this.listener = new ServerSocket(port, 64, InetAddress.getLoopbackAddress());
        this.tls = config.context().getSocketFactory();
        this.requireClientCertificates = config.requireClientCertificates();
        this.backend = backend;
        this.executor = executor;
    }

    void start() {
        executor.execute(this::acceptConnections);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Whether a connection to the backend came through this front; others would bypass TLS. */
    boolean piped(InetSocketAddress remote) {
        return remote.getAddress().isLoopbackAddress() && pipedPorts.contains(remote.getPort());
    }

    void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                try {
                    executor.execute(() -> serve(client));
                } catch (RejectedExecutionException e) {
                    client.close(); // the capture is stopping
                }
            } catch (IOException e) {
                // closed by close(), or one failed accept: the loop condition tells
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; Socket plain = new Socket()) {
            connection.setTcpNoDelay(true);
            connection.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            int first = connection.getInputStream().read();
            if (first != TLS_HANDSHAKE_RECORD) {
                connection.getOutputStream().write(PLAIN_HTTP_REFUSED);
                return;
            }
            SSLSocket client = (SSLSocket) tls.createSocket(connection,
                    new ByteArrayInputStream(new byte[] {(byte) first}), true);
            client.setNeedClientAuth(requireClientCertificates);
            client.startHandshake(); // a refused client certificate is answered with its alert here
            client.setSoTimeout(0);
            plain.setTcpNoDelay(true);
            plain.connect(backend);
            int pipedPort = plain.getLocalPort();
            pipedPorts.add(pipedPort);
            try {
                executor.execute(() -> pipe(plain, client));
                pipe(client, plain);
            } finally {
                pipedPorts.remove(pipedPort);
            }
        } catch (IOException | RejectedExecutionException e) {
            // The client learnt why from the TLS alert or the closed connection (or never completed its handshake,
            // or the capture is stopping).
        }
    }

    /** Copies until either side closes, then closes both so that the other direction ends too. */
    private static void pipe(Socket from, Socket to) {
        try (from; to) {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side went away: closing both is all there is to do
        }
    }
}
