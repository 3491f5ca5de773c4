package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Certificates;
import dev.ticdcctl.testing.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ticdcctl sandbox --tls-cert --tls-key --client-ca}: unusable files are invalid input (exit 2), named. */
class SandboxTlsOptionsTest {
    @TempDir
    static Path dir;
    static Certificates certs;

    @BeforeAll
    static void generate() {
        certs = Certificates.generate(dir);
    }

    private static Cli.Result sandbox(String... tlsOptions) {
        String[] args = new String[tlsOptions.length + 3];
        args[0] = "sandbox";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(tlsOptions, 0, args, 3, tlsOptions.length);
        return new Cli().run(args);
    }

    private static void assertInvalid(Cli.Result r, String message) {
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("Error: " + message + "\n"), r::toString);
        assertEquals("", r.out(), r::toString);
    }

    @Test
    void a_certificate_given_as_key_names_the_option_and_the_file() {
        Path cert = certs.server.cert();

        assertInvalid(sandbox("--tls-cert", cert.toString(), "--tls-key", cert.toString()),
                "--tls-key " + cert + ": not a PEM private key (found \"CERTIFICATE\")");
    }

    @Test
    void a_key_of_another_certificate_is_refused() {
        Path otherKey = certs.client(Certificates.KeyFormat.RSA_PKCS8).key();

        assertInvalid(sandbox("--tls-cert", certs.server.cert().toString(), "--tls-key", otherKey.toString()),
                "--tls-key " + otherKey + ": the private key does not match the certificate in "
                        + certs.server.cert());
    }

    @Test
    void a_missing_client_ca_names_the_option_and_the_file() {
        Path missing = dir.resolve("missing-ca.crt");

        assertInvalid(sandbox("--tls-cert", certs.server.cert().toString(), "--tls-key",
                certs.server.key().toString(), "--client-ca", missing.toString()),
                "--client-ca " + missing + ": no such file");
    }

    @Test
    void certificate_and_key_go_together_and_a_client_ca_needs_both() {
        assertInvalid(sandbox("--tls-cert", certs.server.cert().toString()), "--tls-cert and --tls-key go together");
        assertInvalid(sandbox("--client-ca", certs.ca.toString()), "--client-ca needs --tls-cert and --tls-key");
    }
}
