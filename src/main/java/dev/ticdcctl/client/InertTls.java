package dev.ticdcctl.client;

import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An SSLContext that never does TLS, for {@code http://} servers: HttpClient otherwise initialises the JDK's default
 * TLS context (JSSE and the CA store, about 100 ms) even when it will never open a TLS connection.
 */
final class InertTls {
    private InertTls() {}

    static SSLContext context() {
        return new SSLContext(new Spi(), new Provider("ticdcctl-no-tls", "1", "no TLS for http://") {}, "TLS") {};
    }

    static SSLParameters parameters() {
        return new SSLParameters(new String[0], new String[] {"TLSv1.3"});
    }

    private static final class Spi extends SSLContextSpi {
        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
            // nothing to set up: no connection will use it
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw unused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw unused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw unused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw unused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw unused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw unused();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return parameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return parameters();
        }

        private static UnsupportedOperationException unused() {
            return new UnsupportedOperationException("TLS is not used for http:// servers");
        }
    }
}
