package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Certificates;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.TestClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CLI against a mutual-TLS, password-protected sandbox: each misconfiguration names its cause. */
class TlsTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Cli.NOW, ZoneOffset.UTC);
    private Certificates certs;
    private Sandbox sandbox;
    private String hostPort;

    @BeforeEach
    void start() throws IOException {
        certs = Certificates.generate(dir);
        // The classic server, whose status names v8.5.0: the version the connections are checked by.
        sandbox = Sandbox.start(Sandbox.Options.defaults().withClock(clock).withAuth("root", "secret")
                .withTls(certs.server.cert(), certs.server.key(), certs.ca).withDialect(ServerDialect.CLASSIC));
        hostPort = "localhost:" + sandbox.url().getPort();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Cli cli() {
        return new Cli().clock(clock).env("HOME", dir.toString());
    }

    private String[] tls(Certificates.Identity client, String... args) {
        String[] all = new String[args.length + 8];
        System.arraycopy(new String[] {"--server", hostPort, "--ca", certs.ca.toString(), "--cert",
            client.cert().toString(), "--key", client.key().toString()}, 0, all, 0, 8);
        System.arraycopy(args, 0, all, 8, args.length);
        return all;
    }

    @ParameterizedTest
    @EnumSource(Certificates.KeyFormat.class)
    void every_key_format_connects_and_host_port_means_https(Certificates.KeyFormat format) {
        Cli.Result r = cli().run(tls(certs.client(format), "status", "--jq", ".version"));

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("v8.5.0\n", r.out());
    }

    @Test
    void a_context_set_once_carries_tls_and_credentials_to_every_command() {
        Certificates.Identity client = certs.client(Certificates.KeyFormat.EC_PKCS8);
        Cli.Result set = cli().env("PROD_PW", "secret").run("config", "set-context", "prod", "--server", hostPort,
                "--ca", certs.ca.toString(), "--cert", client.cert().toString(), "--key", client.key().toString(),
                "--user", "root", "--password-env", "PROD_PW", "--use");
        assertEquals(0, set.exitCode(), set::toString);

        Cli.Result create = cli().env("PROD_PW", "secret")
                .run("changefeed", "create", "cf-1", "--sink-uri", "blackhole://");
        Cli.Result list = cli().env("PROD_PW", "secret").run("changefeed", "list", "--jq", ".items[].id");

        assertEquals(0, create.exitCode(), create::toString);
        assertEquals("cf-1\n", list.out(), list::toString);
    }

    @Test
    void without_a_client_certificate_the_server_refuses_the_handshake() {
        Cli.Result r = cli().run("--server", hostPort, "--ca", certs.ca.toString(), "status");

        assertEquals(5, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: TLS handshake with https://" + hostPort + " failed: the server refused"
                + " the client certificate"), r::toString);
    }

    @Test
    void a_server_certificate_from_another_ca_is_not_trusted() {
        Cli.Result wrongCa = cli().run("--server", hostPort, "--ca", certs.otherCa.toString(), "--cert",
                certs.client(Certificates.KeyFormat.RSA_PKCS8).cert().toString(), "--key",
                certs.client(Certificates.KeyFormat.RSA_PKCS8).key().toString(), "status");
        assertEquals(5, wrongCa.exitCode(), wrongCa::toString);
        assertTrue(wrongCa.err().contains("the server's certificate is not trusted"), wrongCa::toString);
    }

    @Test
    void insecure_skip_tls_verify_connects_and_warns() {
        Certificates.Identity client = certs.client(Certificates.KeyFormat.RSA_PKCS1);
        Cli.Result r = cli().run("--server", hostPort, "--insecure-skip-tls-verify", "--cert",
                client.cert().toString(), "--key", client.key().toString(), "status", "-q");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Warning: not verifying the server's certificate or host name"), r::toString);
    }

    @Test
    void a_missing_file_is_invalid_input_naming_the_option_and_file() {
        Path missing = dir.resolve("nope.pem");
        Cli.Result r = cli().run("--server", hostPort, "--ca", missing.toString(), "status");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: --ca " + missing), r::toString);
    }

    @Test
    void a_key_that_does_not_match_its_certificate_is_invalid_input() {
        Cli.Result r = cli().run("--server", hostPort, "--ca", certs.ca.toString(), "--cert",
                certs.client(Certificates.KeyFormat.RSA_PKCS8).cert().toString(), "--key",
                certs.server.key().toString(), "status");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains(certs.server.key().toString()), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
    }

    @Test
    void a_file_that_is_not_pem_is_invalid_input() {
        Path notPem = certs.file("notes.txt", "hello\n");
        Cli.Result r = cli().run("--server", hostPort, "--ca", notPem.toString(), "status");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: --ca " + notPem), r::toString);
    }

    @Test
    void an_unknown_host_is_unreachable() {
        Cli.Result r = cli().run("--server", "no-such-host.invalid:8300", "status");

        assertEquals(5, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: cannot resolve host 'no-such-host.invalid'"), r::toString);
    }
}
