package dev.ticdcctl.pem;

import dev.ticdcctl.pem.PemException.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Certificates and private keys from PEM files as TiCDC deployments have them: certificate chains (several
 * CERTIFICATE blocks, leaf first), RSA keys in PKCS#1 or PKCS#8, EC keys in SEC1 (possibly after EC PARAMETERS) or
 * PKCS#8; the TLS contexts built from them; and what a failed handshake means. Every problem with a file is a
 * {@link PemException} naming it.
 */
public final class PemFiles {
    private static final String CERTIFICATE = "CERTIFICATE";
    /** The key blocks PEMParser reads: PKCS#8, PKCS#1 (RSA), SEC1 (EC), and encrypted PKCS#8 to refuse. */
    private static final Set<String> KEY_TYPES = Set.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY");
    /** The JCA signature that proves a private key belongs to a public key, by key algorithm. */
    private static final Map<String, String> PROOF_SIGNATURES = Map.of(
            "RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "EdDSA", "EdDSA");

    /** A certificate chain, leaf first, and the private key of the leaf. */
    public record Identity(List<X509Certificate> chain, PrivateKey key) {}

    private PemFiles() {}

    /**
     * A client's TLS context. Trusts the certificates of {@code ca} when given, else the JDK's default trust store;
     * presents {@code cert} (a chain, leaf first) with {@code key} when both are given. {@code insecureSkipVerify}
     * accepts any server certificate for any host name. Without it, host names stay verified: the JDK HTTP client
     * has the trust manager check them (endpoint identification HTTPS).
     *
     * @throws PemException when a file cannot be used, one of cert and key is missing, or they do not match
     */
    public static SSLContext sslContext(Path ca, Path cert, Path key, boolean insecureSkipVerify) {
        return TlsContexts.client(ca, cert, key, insecureSkipVerify);
    }

    /**
     * A server's TLS context presenting {@code cert} with {@code key}. With {@code clientCa}, client certificates
     * are verified against its certificates; the server must still require them (needClientAuth).
     *
     * @throws PemException when a file cannot be used or cert and key do not match
     */
    public static SSLContext serverContext(Path cert, Path key, Path clientCa) {
        return TlsContexts.server(cert, key, clientCa);
    }

    /** Why a client's TLS handshake failed, and which side refused, in one line (see {@link HandshakeFailures}). */
    public static String describeHandshakeFailure(Throwable e) {
        return HandshakeFailures.describe(e);
    }

    /** Every CERTIFICATE block of the file, in order; at least one. */
    public static List<X509Certificate> certificates(Path file) {
        return certificates(file, Role.CERTIFICATE);
    }

    /** The same, for a file given as {@code role} (a CA file, say), which errors report. */
    static List<X509Certificate> certificates(Path file, Role role) {
        List<PemObject> blocks = blocks(file, role);
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemObject block : blocks) {
                if (block.getType().equals(CERTIFICATE)) {
                    certificates.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(block.getContent())));
                }
            }
        } catch (CertificateException e) {
            throw new PemException(file, role, "malformed certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new PemException(file, role, "not a PEM certificate (found " + types(blocks) + ")");
        }
        return certificates;
    }

    /** The first private key of the file; blocks before it (such as EC PARAMETERS) are skipped. */
    public static PrivateKey privateKey(Path file) {
        List<PemObject> blocks = blocks(file, Role.PRIVATE_KEY);
        PemObject block = blocks.stream().filter(b -> b.getType().endsWith("PRIVATE KEY")).findFirst()
                .orElseThrow(() -> keyProblem(file, "not a PEM private key (found " + types(blocks) + ")", null));
        if (!KEY_TYPES.contains(block.getType())) {
            throw keyProblem(file, "unsupported key format \"" + block.getType() + "\"; use PKCS#1, SEC1 or PKCS#8",
                    null);
        }
        Object parsed;
        try {
            parsed = new PEMParser(new StringReader(reencode(block))).readObject();
        } catch (IOException | RuntimeException e) {
            throw keyProblem(file, "malformed " + block.getType() + ": " + e.getMessage(), e);
        }
        if (parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw keyProblem(file, "the private key is encrypted; decrypt it first (openssl pkey -in ENCRYPTED"
                    + " -out PLAIN)", null);
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter(); // the default JCA provider: BC is not registered
        try {
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException e) {
            throw keyProblem(file, "unsupported " + block.getType() + ": " + e.getMessage(), e);
        }
        throw keyProblem(file, "unsupported " + block.getType(), null);
    }

    private static PemException keyProblem(Path file, String problem, Throwable cause) {
        return new PemException(file, Role.PRIVATE_KEY, problem, cause);
    }

    /** A certificate chain and its key, checked to belong together; one without the other is an error. */
    public static Identity identity(Path cert, Path key) {
        if (cert == null && key == null) {
            throw new IllegalArgumentException("neither a certificate nor a key was given");
        }
        if (key == null) {
            throw new PemException(cert, Role.CERTIFICATE, "a certificate was given without its private key");
        }
        if (cert == null) {
            throw keyProblem(key, "a private key was given without its certificate", null);
        }
        List<X509Certificate> chain = certificates(cert);
        PrivateKey privateKey = privateKey(key);
        if (!belongTogether(chain.get(0).getPublicKey(), privateKey)) {
            throw keyProblem(key, "the private key does not match the certificate in " + cert, null);
        }
        return new Identity(chain, privateKey);
    }

    /** Signs a random challenge and verifies it: works for every key type without exposing key internals. */
    private static boolean belongTogether(PublicKey publicKey, PrivateKey privateKey) {
        if (!publicKey.getAlgorithm().equals(privateKey.getAlgorithm())) {
            return false;
        }
        String algorithm = PROOF_SIGNATURES.get(privateKey.getAlgorithm());
        if (algorithm == null) {
            return true; // an exotic key type: the TLS handshake will tell
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The file's PEM blocks; a file that cannot be read or holds none is an error. */
    private static List<PemObject> blocks(Path file, Role role) {
        String text = new String(read(file, role), StandardCharsets.ISO_8859_1); // PEM is ASCII; never fails to decode
        List<PemObject> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                blocks.add(block);
            }
        } catch (IOException | RuntimeException e) { // BouncyCastle reports bad base64 as a DecoderException
            throw new PemException(file, role, "malformed PEM: " + e.getMessage(), e);
        }
        if (blocks.isEmpty()) {
            String problem = text.isBlank() ? "empty file" : "not a PEM file (no \"-----BEGIN\" line)";
            throw new PemException(file, role, problem);
        }
        return blocks;
    }

    private static byte[] read(Path file, Role role) {
        try {
            if (Files.isDirectory(file)) {
                throw new PemException(file, role, "is a directory, not a file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PemException(file, role, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new PemException(file, role, "permission denied", e);
        } catch (IOException e) {
            throw new PemException(file, role, "cannot read: " + e.getMessage(), e);
        }
    }

    /** One block as PEM text again, headers included, so that PEMParser sees it alone. */
    private static String reencode(PemObject block) throws IOException {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(block);
        }
        return text.toString();
    }

    private static String types(List<PemObject> blocks) {
        return blocks.stream().map(b -> "\"" + b.getType() + "\"").distinct().collect(Collectors.joining(", "));
    }
}
