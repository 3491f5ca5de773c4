package dev.ticdcctl.it;

import static dev.ticdcctl.it.Launches.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.it.Launches.Result;
import dev.ticdcctl.sandbox.Sandbox;
import dev.ticdcctl.sandbox.ServerDialect;
import dev.ticdcctl.testing.Certificates;
import dev.ticdcctl.testing.Certificates.KeyFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEM files through the packaged jar, whose BouncyCastle is trimmed to the classes the code reaches: every key format
 * connects over mutual TLS, and encrypted or malformed keys still get their one-line errors. The unit tests run on
 * the complete jars and cannot see a class the trimming lost.
 */
class PemFilesIT {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath();
    private static final Path LAUNCHER = PROJECT.resolve("bin/ticdcctl");

    @TempDir
    Path tmp;

    @Test
    void everyKeyFormatConnectsAndEncryptedOrMalformedKeysAreRefused() throws Exception {
        Map<String, String> env = env("TICDCCTL_CDS", "off");
        Certificates certs = Certificates.generate(tmp);

        assertKeysConnect(tmp, LAUNCHER, env, certs, List.of(KeyFormat.values()));

        Path cert = certs.client(KeyFormat.RSA_PKCS1).cert();
        Map<Path, String> refused = Map.of(
                certs.encryptedPkcs8Key, "the private key is encrypted; decrypt it first",
                certs.encryptedPkcs1Key, "the private key is encrypted; decrypt it first",
                certs.file("garbage.key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
                "malformed PRIVATE KEY: ");
        for (Map.Entry<Path, String> key : refused.entrySet()) {
            // Refused before any connection: nothing listens on the discard port.
            Result r = Launches.run(tmp, LAUNCHER, env, tls("127.0.0.1:9", certs, cert, key.getKey()));

            assertEquals(2, r.exitCode(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertTrue(r.err().startsWith("Error: --key " + key.getKey() + ": " + key.getValue()), r::toString);
            assertFalse(r.err().contains("\tat "), r::toString);
        }
    }

    /**
     * Runs {@code launcher} with {@code env} against a mutual-TLS sandbox (server certificate with an intermediate CA)
     * with a client key of each of {@code formats}.
     */
    static void assertKeysConnect(Path tmp, Path launcher, Map<String, String> env, Certificates certs,
            List<KeyFormat> formats) throws Exception {
        // The classic server, whose status names v8.5.0: the version the connections are checked by.
        try (Sandbox sandbox = Sandbox.start(Sandbox.Options.defaults()
                .withTls(certs.server.cert(), certs.server.key(), certs.ca).withDialect(ServerDialect.CLASSIC))) {
            String server = "localhost:" + sandbox.url().getPort();
            for (KeyFormat format : formats) {
                Certificates.Identity client = certs.client(format);
                Result r = Launches.run(tmp, launcher, env, tls(server, certs, client.cert(), client.key()));

                assertEquals(0, r.exitCode(), () -> format + ": " + r);
                assertEquals("v8.5.0\n", r.out(), () -> format + ": " + r);
                assertEquals("", r.err(), () -> format + ": " + r);
            }
        }
    }

    private static String[] tls(String server, Certificates certs, Path cert, Path key) {
        return new String[] {"--server", server, "--ca", certs.ca.toString(), "--cert", cert.toString(), "--key",
            key.toString(), "status", "--jq", ".version"};
    }
}
