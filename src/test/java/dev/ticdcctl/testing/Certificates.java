package dev.ticdcctl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Certificates and keys for TLS tests, generated into a (temporary) directory at test time so that no private key
 * is ever committed: a CA, a server identity for localhost and 127.0.0.1 whose file holds the chain leaf +
 * intermediate, client identities with keys in each format TiCDC deployments use, an unrelated CA, a certificate
 * for another host name, an expired one, and encrypted keys. Only the default JCA provider is used.
 */
public final class Certificates {
    /** How a client key is written. */
    public enum KeyFormat { RSA_PKCS1, RSA_PKCS8, EC_SEC1, EC_SEC1_AFTER_PARAMETERS, EC_PKCS8 }

    /** A PEM certificate (chain) and its PEM private key. */
    public record Identity(Path cert, Path key) {}

    private record Issued(X509Certificate cert, KeyPair keys) {}

    private static final char[] PASSWORD = "secret".toCharArray();
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** The root CA's certificate, which signed everything below but {@link #otherCa}. */
    public final Path ca;
    /** An unrelated CA: trusting only it, nothing here is trusted. */
    public final Path otherCa;
    /** localhost and 127.0.0.1, signed by an intermediate; the certificate file holds leaf and intermediate. */
    public final Identity server;
    /** A server certificate for other.example only. */
    public final Identity otherHost;
    /** A server certificate for localhost and 127.0.0.1 that expired yesterday. */
    public final Identity expired;
    /** The RSA client key, encrypted as PKCS#8 (ENCRYPTED PRIVATE KEY) and as OpenSSL does PKCS#1 (Proc-Type). */
    public final Path encryptedPkcs8Key;
    public final Path encryptedPkcs1Key;
    private final Map<KeyFormat, Identity> clients = new EnumMap<>(KeyFormat.class);

    private final Path dir;

    private Certificates(Path dir) throws GeneralSecurityException, IOException, OperatorException {
        this.dir = dir;
        Instant valid = Instant.now().plus(Duration.ofDays(59));
        Issued root = issue("ticdcctl test CA", ec(), null, true, valid);
        Issued intermediate = issue("ticdcctl test intermediate CA", ec(), root, true, valid);
        ca = write("ca.crt", root.cert());
        otherCa = write("other-ca.crt", issue("unrelated CA", ec(), null, true, valid).cert());

        KeyPair serverKeys = rsa();
        Issued serverLeaf = issue("localhost", serverKeys, intermediate, false, valid, "localhost", "127.0.0.1");
        server = new Identity(write("server.crt", serverLeaf.cert(), intermediate.cert()),
                write("server.key", pkcs1(serverKeys.getPrivate())));
        otherHost = new Identity(write("other-host.crt", issue("other.example", serverKeys, root, false, valid,
                "other.example").cert()), server.key());
        expired = new Identity(write("expired.crt", issue("localhost", serverKeys, root, false,
                Instant.now().minus(Duration.ofDays(1)), "localhost", "127.0.0.1").cert()), server.key());

        KeyPair rsa = rsa();
        KeyPair ec = ec();
        Path rsaClient = write("client-rsa.crt", issue("client-rsa", rsa, root, false, valid).cert());
        Path ecClient = write("client-ec.crt", issue("client-ec", ec, root, false, valid).cert());
        client(KeyFormat.RSA_PKCS1, rsaClient, pkcs1(rsa.getPrivate()));
        client(KeyFormat.RSA_PKCS8, rsaClient, pkcs8(rsa.getPrivate()));
        client(KeyFormat.EC_SEC1, ecClient, sec1(ec));
        client(KeyFormat.EC_SEC1_AFTER_PARAMETERS, ecClient, ecParameters(ec), sec1(ec));
        client(KeyFormat.EC_PKCS8, ecClient, pkcs8(ec.getPrivate()));

        encryptedPkcs8Key = write("encrypted-pkcs8.key", encryptedPkcs8(rsa.getPrivate()));
        encryptedPkcs1Key = write("encrypted-pkcs1.key", encryptedPkcs1(rsa.getPrivate()));
    }

    /** Generates everything into {@code dir} (a JUnit @TempDir). Takes about a second: RSA keys are slow. */
    public static Certificates generate(Path dir) {
        try {
            return new Certificates(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorException e) {
            throw new IllegalStateException("cannot generate test certificates", e);
        }
    }

    /** A client identity signed by {@link #ca}, its key written in {@code format}. */
    public Identity client(KeyFormat format) {
        return clients.get(format);
    }

    /** A file in the directory with the given text, for malformed inputs. */
    public Path file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public Path file(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void client(KeyFormat format, Path cert, PemObject... key) throws IOException {
        String name = "client-" + format.name().toLowerCase().replace('_', '-') + ".key";
        clients.put(format, new Identity(cert, write(name, key)));
    }

    // ---------------------------------------------------------------- generation

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** A certificate valid for the 60 days before {@code notAfter}; self-signed when {@code issuer} is null. */
    private static Issued issue(String name, KeyPair keys, Issued issuer, boolean isCa, Instant notAfter,
            String... hostNames) throws GeneralSecurityException, IOException, OperatorException {
        X500Name subject = new X500Name("CN=" + name);
        X500Name issuerName = issuer == null ? subject
                : X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded());
        PrivateKey signingKey = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notAfter.minus(Duration.ofDays(60))),
                Date.from(notAfter), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        }
        if (hostNames.length > 0) {
            GeneralName[] names = new GeneralName[hostNames.length];
            for (int i = 0; i < hostNames.length; i++) {
                boolean ip = Character.isDigit(hostNames[i].charAt(0));
                names[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, hostNames[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        String algorithm = signingKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
        return new Issued(cert, keys);
    }

    // ---------------------------------------------------------------- PEM encodings

    private static PemObject pkcs1(PrivateKey rsaKey) throws IOException {
        return new PemObject("RSA PRIVATE KEY",
                PrivateKeyInfo.getInstance(rsaKey.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded());
    }

    private static PemObject pkcs8(PrivateKey key) {
        return new PemObject("PRIVATE KEY", key.getEncoded());
    }

    /** An ENCRYPTED PRIVATE KEY (PKCS#12 PBE, which the JDK can write without BouncyCastle registered). */
    private static PemObject encryptedPkcs8(PrivateKey key) throws GeneralSecurityException, IOException {
        String algorithm = "PBEWithSHA1AndDESede";
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(
                new PBEKeySpec(PASSWORD)), new PBEParameterSpec(new byte[8], 2048));
        EncryptedPrivateKeyInfo encrypted = new EncryptedPrivateKeyInfo(cipher.getParameters(),
                cipher.doFinal(key.getEncoded()));
        return new PemObject("ENCRYPTED PRIVATE KEY", encrypted.getEncoded());
    }

    /** What {@code openssl rsa -aes128} writes: PKCS#1 encrypted with a key from EVP_BytesToKey (MD5, one round). */
    private static PemObject encryptedPkcs1(PrivateKey rsaKey) throws GeneralSecurityException, IOException {
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(new String(PASSWORD).getBytes(StandardCharsets.UTF_8));
        md5.update(iv, 0, 8);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(md5.digest(), "AES"), new IvParameterSpec(iv));
        List<PemHeader> headers = List.of(new PemHeader("Proc-Type", "4,ENCRYPTED"),
                new PemHeader("DEK-Info", "AES-128-CBC," + HexFormat.of().withUpperCase().formatHex(iv)));
        return new PemObject("RSA PRIVATE KEY", headers, cipher.doFinal(pkcs1(rsaKey).getContent()));
    }

    /** SEC1 as openssl and Go write it: with the curve and the public key (the JDK's PKCS#8 inner form has neither). */
    private static PemObject sec1(KeyPair ec) throws IOException {
        java.security.interfaces.ECPrivateKey key = (java.security.interfaces.ECPrivateKey) ec.getPrivate();
        ECPrivateKey sec1 = new ECPrivateKey(key.getParams().getOrder().bitLength(), key.getS(),
                SubjectPublicKeyInfo.getInstance(ec.getPublic().getEncoded()).getPublicKeyData(), curve(ec));
        return new PemObject("EC PRIVATE KEY", sec1.getEncoded());
    }

    /** What {@code openssl ecparam -genkey} writes before the key. */
    private static PemObject ecParameters(KeyPair ec) throws IOException {
        return new PemObject("EC PARAMETERS", curve(ec).toASN1Primitive().getEncoded());
    }

    private static ASN1Encodable curve(KeyPair ec) {
        return PrivateKeyInfo.getInstance(ec.getPrivate().getEncoded()).getPrivateKeyAlgorithm().getParameters();
    }

    private Path write(String name, X509Certificate... chain) throws IOException, GeneralSecurityException {
        PemObject[] blocks = new PemObject[chain.length];
        for (int i = 0; i < chain.length; i++) {
            blocks[i] = new PemObject("CERTIFICATE", chain[i].getEncoded());
        }
        return write(name, blocks);
    }

    private Path write(String name, PemObject... blocks) throws IOException {
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (PemObject block : blocks) {
                pem.writeObject(block);
            }
        }
        return file;
    }
}
