package dev.ticdcctl.pem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.testing.Certificates.Identity;
import dev.ticdcctl.testing.Certificates.KeyFormat;
import dev.ticdcctl.testing.Certificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PemFiles#sslContext} against real HTTPS servers (one-capture sandboxes), through the JDK HTTP client as
 * ticdcctl uses it; and {@link PemFiles#describeHandshakeFailure} on the exceptions each failure really produces.
 */
class TlsClientTest {
    @TempDir
    static Path dir;
    static Certificates certs;
    /** HTTPS with the server identity (localhost, 127.0.0.1). */
    static Sandbox https;
    /** HTTPS requiring client certificates signed by the CA. */
    static Sandbox mutualTls;
    /** HTTPS with a certificate for other.example only. */
    static Sandbox otherHost;

    @BeforeAll
    static void start() throws IOException {
        certs = Certificates.generate(dir);
        https = sandbox(certs.server, null);
        mutualTls = sandbox(certs.server, certs.ca);
        otherHost = sandbox(certs.otherHost, null);
    }

    @AfterAll
    static void stop() {
        for (Sandbox sandbox : new Sandbox[] {https, mutualTls, otherHost}) {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    // ---------------------------------------------------------------- connections that work

    @Test
    void the_servers_ca_makes_its_chain_trusted_by_address_and_by_name() throws IOException {
        SSLContext trustingCa = PemFiles.sslContext(certs.ca, null, null, false);

        assertEquals(200, get(trustingCa, https.url()));
        assertEquals(200, get(trustingCa, byName(https.url())));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyFormat.class)
    void a_client_key_in_every_format_authenticates_to_a_server_requiring_certificates(KeyFormat format)
            throws IOException {
        Identity client = certs.client(format);

        assertEquals(200, get(PemFiles.sslContext(certs.ca, client.cert(), client.key(), false), mutualTls.url()));
    }

    @Test
    void insecure_skip_verify_accepts_an_unknown_ca_and_another_host_name() throws IOException {
        SSLContext insecure = PemFiles.sslContext(null, null, null, true);
        SSLContext insecureTrustingOtherCa = PemFiles.sslContext(certs.otherCa, null, null, true);

        assertEquals(200, get(insecure, https.url()), "not in the JDK's trust store");
        assertEquals(200, get(insecureTrustingOtherCa, https.url()), "signed by another CA than --ca");
        assertEquals(200, get(insecure, otherHost.url()), "issued for other.example");
    }

    @Test
    void insecure_skip_verify_still_presents_the_client_certificate() throws IOException {
        Identity client = certs.client(KeyFormat.EC_SEC1);

        assertEquals(200, get(PemFiles.sslContext(null, client.cert(), client.key(), true), mutualTls.url()));
    }

    // ---------------------------------------------------------------- handshakes that fail, and why

    @Test
    void without_a_client_certificate_the_server_refuses_the_handshake() {
        String why = failure(PemFiles.sslContext(certs.ca, null, null, false), mutualTls.url());

        assertEquals("the server refused the client certificate (or none was given); give --cert and --key", why);
    }

    @Test
    void a_client_certificate_from_a_ca_the_server_does_not_trust_is_refused() throws IOException {
        Identity client = certs.client(KeyFormat.RSA_PKCS8);
        try (Sandbox trustingOtherCa = sandbox(certs.server, certs.otherCa)) {
            String why = failure(PemFiles.sslContext(certs.ca, client.cert(), client.key(), false),
                    trustingOtherCa.url());

            assertEquals("the server refused the client certificate (or none was given); give --cert and --key", why);
        }
    }

    @Test
    void a_server_certificate_from_another_ca_is_not_trusted() {
        String why = failure(PemFiles.sslContext(certs.otherCa, null, null, false), https.url());

        assertEquals("the server's certificate is not trusted (unknown CA); give the server's CA with --ca", why);
    }

    @Test
    void without_ca_the_jdk_trust_store_does_not_trust_a_private_ca() {
        String why = failure(PemFiles.sslContext(null, null, null, false), https.url());

        assertEquals("the server's certificate is not trusted (unknown CA); give the server's CA with --ca", why);
    }

    @Test
    void a_certificate_for_another_host_does_not_match_by_address_or_by_name() {
        SSLContext trustingCa = PemFiles.sslContext(certs.ca, null, null, false);

        assertEquals("the server's certificate does not match host '127.0.0.1'; connect with a name or address that"
                + " it lists", failure(trustingCa, otherHost.url()));
        assertEquals("the server's certificate does not match host 'localhost'; connect with a name or address that"
                + " it lists", failure(trustingCa, byName(otherHost.url())));
    }

    @Test
    void an_expired_server_certificate_says_so() throws IOException {
        try (Sandbox expired = sandbox(certs.expired, null)) {
            String why = failure(PemFiles.sslContext(certs.ca, null, null, false), expired.url());

            assertTrue(why.startsWith("the server's certificate has expired (NotAfter: "), why);
        }
    }

    @Test
    void a_plain_http_server_on_an_https_url_does_not_speak_tls() throws IOException {
        // What Go's net/http (so TiCDC without TLS) answers to a ClientHello.
        byte[] badRequest = ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Connection: close\r\n\r\n400 Bad Request").getBytes(StandardCharsets.US_ASCII);
        try (RawServer plainHttp = new RawServer(socket -> socket.getOutputStream().write(badRequest))) {
            String why = failure(PemFiles.sslContext(certs.ca, null, null, false), plainHttp.url());

            assertEquals("the server does not speak TLS; use an http:// address", why);
        }
    }

    @ParameterizedTest(name = "reset: {0}")
    @ValueSource(booleans = {false, true})
    void a_server_that_drops_the_handshake_may_want_a_client_certificate(boolean reset) throws IOException {
        try (RawServer dropping = new RawServer(socket -> socket.setSoLinger(reset, 0))) {
            String why = failure(PemFiles.sslContext(certs.ca, null, null, false), dropping.url());

            assertEquals("the server closed the connection during the TLS handshake; it may require a client"
                    + " certificate: give --cert and --key", why);
        }
    }

    @Test
    void an_unclassified_failure_gives_the_root_message() {
        Exception failure = new IOException("outer", new SSLException("no cipher suites in common"));

        assertEquals("no cipher suites in common", PemFiles.describeHandshakeFailure(failure));
    }

    // ---------------------------------------------------------------- support

    private static Sandbox sandbox(Identity server, Path clientCa) throws IOException {
        return Sandbox.start(Sandbox.Options.defaults().withCaptures(1).withTls(server.cert(), server.key(), clientCa));
    }

    private static URI byName(URI url) {
        return URI.create(url.toString().replace("127.0.0.1", "localhost"));
    }

    private static int get(SSLContext tls, URI base) throws IOException {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v2/status")).timeout(Duration.ofSeconds(10))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request must fail; what describeHandshakeFailure makes of the exception the client threw. */
    private static String failure(SSLContext tls, URI base) {
        IOException e = assertThrows(IOException.class, () -> get(tls, base));
        return PemFiles.describeHandshakeFailure(e);
    }

    /** A TCP server that reads what the client sends first (its ClientHello), answers with an action, and closes. */
    private static final class RawServer implements AutoCloseable {
        interface Action {
            void apply(Socket socket) throws IOException;
        }

        private final ServerSocket listener;

        RawServer(Action action) throws IOException {
            listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket socket = listener.accept()) {
                        socket.getInputStream().read(new byte[16 * 1024]);
                        action.apply(socket);
                    } catch (IOException e) {
                        // closed, or a client that went away first
                    }
                }
            }, "raw-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI url() {
            return URI.create("https://127.0.0.1:" + listener.getLocalPort());
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
