package dev.ticdcctl.pem;

import dev.ticdcctl.pem.PemException.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** TLS contexts built from PEM files, behind {@link PemFiles#sslContext} and {@link PemFiles#serverContext}. */
final class TlsContexts {
    /** Protects nothing: the key stores below live only in memory, as the JSSE factories need one. */
    private static final char[] IN_MEMORY = new char[0];

    private TlsContexts() {}

    static SSLContext client(Path ca, Path cert, Path key, boolean insecureSkipVerify) {
        // Read even when insecure, so that a wrong --ca is reported rather than silently ignored.
        List<X509Certificate> authorities = ca == null ? null : PemFiles.certificates(ca, Role.CA);
        KeyManager[] identity = cert == null && key == null ? null : keyManagers(PemFiles.identity(cert, key));
        TrustManager[] trust;
        if (insecureSkipVerify) {
            trust = new TrustManager[] {new TrustEverything()};
        } else {
            trust = authorities == null ? null : trustManagers(authorities); // null: the JDK's default trust store
        }
        return context(identity, trust);
    }

    static SSLContext server(Path cert, Path key, Path clientCa) {
        KeyManager[] identity = keyManagers(PemFiles.identity(cert, key));
        TrustManager[] trust = clientCa == null ? null : trustManagers(PemFiles.certificates(clientCa, Role.CA));
        return context(identity, trust);
    }

    private static KeyManager[] keyManagers(PemFiles.Identity identity) {
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry("identity", identity.key(), IN_MEMORY,
                    identity.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, IN_MEMORY);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the certificate and key for TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(List<X509Certificate> authorities) {
        try {
            KeyStore store = emptyStore();
            for (int i = 0; i < authorities.size(); i++) {
                store.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the CA certificates: " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // never: nothing is read
        }
        return store;
    }

    private static SSLContext context(KeyManager[] identity, TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(identity, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * Accepts every certificate. It must be an X509ExtendedTrustManager: for a plain X509TrustManager the JDK adds
     * its own host name check, which --insecure-skip-tls-verify has to switch off as well.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
