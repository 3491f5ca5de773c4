package dev.ticdcctl.pem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Certificates.KeyFormat;
import dev.ticdcctl.testing.Certificates;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading PEM files as TiCDC deployments have them, and one-line errors naming the file for everything else. */
class PemFilesTest {
    @TempDir
    static Path dir;
    static Certificates certs;

    @BeforeAll
    static void generate() {
        certs = Certificates.generate(dir);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyFormat.class)
    void every_key_format_loads_and_matches_its_certificate(KeyFormat format) {
        Certificates.Identity client = certs.client(format);

        PemFiles.Identity identity = PemFiles.identity(client.cert(), client.key());

        assertEquals(format.name().startsWith("RSA") ? "RSA" : "EC", identity.key().getAlgorithm());
        assertEquals(1, identity.chain().size());
    }

    @Test
    void a_chain_file_yields_every_certificate_leaf_first() {
        List<X509Certificate> chain = PemFiles.certificates(certs.server.cert());

        assertEquals(2, chain.size());
        assertEquals("CN=localhost", chain.get(0).getSubjectX500Principal().getName());
        assertEquals("CN=ticdcctl test intermediate CA", chain.get(1).getSubjectX500Principal().getName());
    }

    /**
     * A bad input: which file, loaded how, and the start of the problem expected after the file's path (the text
     * after a colon may be the parser's).
     */
    record BadFile(String label, Function<Certificates, Path> file, Function<Path, Object> load, String problem) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<BadFile> badFiles() {
        Function<Path, Object> asKey = PemFiles::privateKey;
        Function<Path, Object> asCertificate = PemFiles::certificates;
        return Stream.of(
                new BadFile("missing file", c -> dir.resolve("nope.key"), asKey, "no such file"),
                new BadFile("a directory", c -> dir, asCertificate, "is a directory, not a file"),
                new BadFile("empty file", c -> c.file("empty.crt", ""), asCertificate, "empty file"),
                new BadFile("not PEM", c -> c.file("text.key", "hello\n"), asKey,
                        "not a PEM file (no \"-----BEGIN\" line)"),
                new BadFile("certificate given as key", c -> c.server.cert(), asKey,
                        "not a PEM private key (found \"CERTIFICATE\")"),
                new BadFile("key given as certificate", c -> c.server.key(), asCertificate,
                        "not a PEM certificate (found \"RSA PRIVATE KEY\")"),
                new BadFile("EC parameters only",
                        c -> c.file("params.key", pemBlock("EC PARAMETERS", "BggqhkjOPQMBBw==")), asKey,
                        "not a PEM private key (found \"EC PARAMETERS\")"),
                new BadFile("encrypted PKCS#8", c -> c.encryptedPkcs8Key, asKey,
                        "the private key is encrypted; decrypt it first (openssl pkey -in ENCRYPTED -out PLAIN)"),
                new BadFile("encrypted PKCS#1", c -> c.encryptedPkcs1Key, asKey,
                        "the private key is encrypted; decrypt it first (openssl pkey -in ENCRYPTED -out PLAIN)"),
                new BadFile("OpenSSH key", c -> c.file("id_ed25519", pemBlock("OPENSSH PRIVATE KEY", "AAAA")), asKey,
                        "unsupported key format \"OPENSSH PRIVATE KEY\"; use PKCS#1, SEC1 or PKCS#8"),
                new BadFile("garbage key", c -> c.file("garbage.key", pemBlock("PRIVATE KEY", "AAAA")), asKey,
                        "malformed PRIVATE KEY: "),
                new BadFile("broken base64", c -> c.file("broken.crt", pemBlock("CERTIFICATE", "!!!!")),
                        asCertificate, "malformed PEM: "),
                new BadFile("garbage certificate", c -> c.file("garbage.crt", pemBlock("CERTIFICATE", "AAAA")),
                        asCertificate, "malformed certificate: "),
                new BadFile("DER instead of PEM", c -> c.file("der.crt", derOf(c.ca)), asCertificate,
                        "not a PEM file (no \"-----BEGIN\" line)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void a_file_that_cannot_be_used_is_a_one_line_error_naming_it(BadFile bad) {
        Path file = bad.file().apply(certs);

        PemException e = assertThrows(PemException.class, () -> bad.load().apply(file));

        assertTrue(e.getMessage().startsWith(file + ": " + bad.problem()), e::getMessage);
        assertFalse(e.getMessage().contains("\n"), e::getMessage);
        assertEquals(file, e.file());
    }

    @Test
    void a_key_that_does_not_belong_to_the_certificate_names_both_files() {
        Path cert = certs.client(KeyFormat.RSA_PKCS1).cert();
        Path otherKey = certs.server.key();

        PemException e = assertThrows(PemException.class, () -> PemFiles.identity(cert, otherKey));

        assertEquals(otherKey + ": the private key does not match the certificate in " + cert, e.getMessage());
        assertEquals(otherKey, e.file());
        assertEquals(PemException.Role.PRIVATE_KEY, e.role());
    }

    @Test
    void an_ec_key_for_an_rsa_certificate_does_not_match_either() {
        Path cert = certs.client(KeyFormat.RSA_PKCS1).cert();
        Path ecKey = certs.client(KeyFormat.EC_PKCS8).key();

        PemException e = assertThrows(PemException.class, () -> PemFiles.sslContext(null, cert, ecKey, false));

        assertEquals(ecKey + ": the private key does not match the certificate in " + cert, e.getMessage());
    }

    @Test
    void a_certificate_without_its_key_or_a_key_without_its_certificate_names_what_is_missing() {
        Certificates.Identity client = certs.client(KeyFormat.RSA_PKCS8);

        PemException noKey = assertThrows(PemException.class,
                () -> PemFiles.sslContext(null, client.cert(), null, false));
        PemException noCert = assertThrows(PemException.class,
                () -> PemFiles.sslContext(null, null, client.key(), false));

        assertEquals(client.cert() + ": a certificate was given without its private key", noKey.getMessage());
        assertEquals(PemException.Role.CERTIFICATE, noKey.role());
        assertEquals(client.key() + ": a private key was given without its certificate", noCert.getMessage());
        assertEquals(PemException.Role.PRIVATE_KEY, noCert.role());
    }

    @Test
    void a_bad_ca_file_is_reported_even_when_verification_is_skipped() {
        PemException e = assertThrows(PemException.class,
                () -> PemFiles.sslContext(certs.server.key(), null, null, true));

        assertEquals(certs.server.key() + ": not a PEM certificate (found \"RSA PRIVATE KEY\")", e.getMessage());
        assertEquals(PemException.Role.CA, e.role());
    }

    @Test
    void one_file_given_as_certificate_and_key_reports_the_role_that_failed() {
        Path cert = certs.server.cert();

        PemException e = assertThrows(PemException.class, () -> PemFiles.sslContext(null, cert, cert, false));

        assertEquals(cert + ": not a PEM private key (found \"CERTIFICATE\")", e.getMessage());
        assertEquals(PemException.Role.PRIVATE_KEY, e.role());
    }

    private static byte[] derOf(Path pem) {
        try {
            return PemFiles.certificates(pem).get(0).getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pemBlock(String type, String base64) {
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
