package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.pem.PemException;
import dev.ticdcctl.pem.PemFiles;
import dev.ticdcctl.testing.Certificates.KeyFormat;
import dev.ticdcctl.testing.Certificates;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox over HTTPS: every capture serves TLS, with client certificates required when started with a client
 * CA, and non-owners still forward owner routes to the owner (in-process, as no HTTP client of theirs could present
 * a client certificate).
 */
class TlsSandboxTest {
    @TempDir
    static Path dir;
    static Certificates certs;

    @BeforeAll
    static void generate() {
        certs = Certificates.generate(dir);
    }

    static Sandbox.Options mutualTls(Sandbox.Options options) {
        return options.withTls(certs.server.cert(), certs.server.key(), certs.ca);
    }

    static SSLContext clientWithCertificate() {
        Certificates.Identity client = certs.client(KeyFormat.EC_PKCS8);
        return PemFiles.sslContext(certs.ca, client.cert(), client.key(), false);
    }

    @Test
    void an_unusable_tls_file_is_refused_naming_it() {
        Sandbox.Options wrongKey = Sandbox.Options.defaults().withCaptures(1)
                .withTls(certs.server.cert(), certs.client(KeyFormat.RSA_PKCS1).key(), null);
        Sandbox.Options certificateAsClientCa = Sandbox.Options.defaults().withCaptures(1)
                .withTls(certs.server.cert(), certs.server.key(), certs.server.key());

        PemException mismatch = assertThrows(PemException.class, () -> Sandbox.start(wrongKey).close());
        PemException notCertificate = assertThrows(PemException.class,
                () -> Sandbox.start(certificateAsClientCa).close());

        assertEquals(wrongKey.tlsKey() + ": the private key does not match the certificate in "
                + certs.server.cert(), mismatch.getMessage());
        assertEquals(certs.server.key() + ": not a PEM certificate (found \"RSA PRIVATE KEY\")",
                notCertificate.getMessage());
    }

    @Test
    void client_certificates_need_https() {
        Sandbox.Options clientCaOnly = Sandbox.Options.defaults().withCaptures(1).withTls(null, null, certs.ca);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sandbox.start(clientCaOnly).close());

        assertEquals("client certificates need HTTPS: a server certificate and key", e.getMessage());
    }

    /** Three captures requiring client certificates, asked with the EC client identity. */
    @Nested
    class OverMutualTls extends ContractSupport {
        OverMutualTls() {
            super(TlsSandboxTest::mutualTls, clientWithCertificate());
        }

        @Test
        void every_capture_serves_https_and_answers_as_itself() {
            List<String> ids = captureIds();
            for (int node = 0; node < urls.size(); node++) {
                assertTrue(urls.get(node).toString().matches("https://127\\.0\\.0\\.1:\\d+"), urls::toString);
                Resp status = req("GET", "/api/v2/status").on(node).send();
                assertEquals(ids.get(node), status.json().path("id").asText(), status::toString);
                assertEquals(node == 0, status.json().path("is_owner").asBoolean());
            }
        }

        @Test
        void a_changefeed_created_through_a_non_owner_is_seen_through_every_capture() {
            Resp created = req("POST", "/api/v2/changefeeds").on(2)
                    .body("{\"changefeed_id\":\"cf-tls\",\"sink_uri\":\"blackhole://\"}").send();
            assertEquals(200, created.status(), created::toString);
            tick();

            for (int node = 0; node < urls.size(); node++) {
                Resp got = req("GET", "/api/v2/changefeeds/cf-tls").on(node).send();
                assertEquals(200, got.status(), got::toString);
                assertEquals("normal", got.json().path("state").asText());
            }
            assertEmptyOk(req("POST", "/api/v2/changefeeds/cf-tls/pause").on(1).send());
            tick();
            assertEquals("stopped", stateOf("cf-tls"));
        }

        @Test
        void a_client_without_a_certificate_is_refused_by_every_capture() {
            HttpClient noCertificate = HttpClient.newBuilder()
                    .sslContext(PemFiles.sslContext(certs.ca, null, null, false)).build();
            for (int node = 0; node < urls.size(); node++) {
                Req request = req("GET", "/api/v2/changefeeds").on(node);
                UncheckedIOException e = assertThrows(UncheckedIOException.class,
                        () -> request.sendWith(noCertificate));
                assertTrue(e.getCause() instanceof SSLException, e::toString);
            }
        }

        @Test
        void plain_http_to_an_https_capture_is_answered_as_go_does() throws Exception {
            URI plain = URI.create(urls.get(1).toString().replace("https:", "http:"));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest status = HttpRequest.newBuilder(plain.resolve("/api/v2/status"))
                    .timeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> r = http.send(status, HttpResponse.BodyHandlers.ofString());

            assertEquals(400, r.statusCode());
            assertEquals("Client sent an HTTP request to an HTTPS server.\n", r.body());
        }
    }

    /** The whole forwarding and authentication contract, over mutual TLS. */
    @Nested
    class ForwardingAndAuthOverMutualTls extends ForwardingAndAuthContract {
        ForwardingAndAuthOverMutualTls() {
            super(TlsSandboxTest::mutualTls, clientWithCertificate());
        }
    }
}
