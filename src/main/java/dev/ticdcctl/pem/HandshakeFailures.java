package dev.ticdcctl.pem;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a failed TLS handshake from the client's side, classified by the exceptions that the JDK HTTP client
 * really throws (TlsClientTest provokes each): whether the client distrusted the server or the server refused the
 * client. Callers put it after their own words ("TLS handshake with URL failed: "), so it does not repeat them.
 */
final class HandshakeFailures {
    static final String UNTRUSTED = "the server's certificate is not trusted (unknown CA); give the server's CA with"
            + " --ca";
    static final String CLIENT_REFUSED = "the server refused the client certificate (or none was given); give"
            + " --cert and --key";
    static final String CLOSED_DURING_HANDSHAKE = "the server closed the connection during the TLS handshake; it may"
            + " require a client certificate: give --cert and --key";
    static final String NOT_TLS = "the server does not speak TLS; use an http:// address";

    /** The JDK's host name check: "No subject alternative DNS name matching x found." and its variants. */
    private static final Pattern HOST_MISMATCH = Pattern.compile("No subject alternative (?:DNS name|names) matching"
            + " (?:IP address )?(\\S+?) found|No name matching (\\S+?) found|No subject alternative names present");
    /** What a server sends when it refuses the client's certificate or gets none (TLS 1.3: certificate_required). */
    private static final Pattern REFUSED_BY_SERVER = Pattern.compile("Received fatal alert: (?:certificate_required"
            + "|bad_certificate|certificate_unknown|unknown_ca|unsupported_certificate|certificate_expired"
            + "|certificate_revoked|access_denied)");

    private HandshakeFailures() {}

    static String describe(Throwable failure) {
        List<Throwable> chain = causes(Objects.requireNonNull(failure, "failure"));
        for (Throwable e : chain) {
            if (e instanceof CertificateExpiredException) {
                return "the server's certificate has expired (" + e.getMessage() + ")";
            }
            if (e instanceof CertificateNotYetValidException) {
                return "the server's certificate is not valid yet (" + e.getMessage() + ")";
            }
        }
        for (Throwable e : chain) {
            String message = String.valueOf(e.getMessage());
            Matcher host = HOST_MISMATCH.matcher(message);
            if (host.find()) {
                String name = host.group(1) != null ? host.group(1) : host.group(2);
                return name == null ? "the server's certificate names no host (it has no subject alternative names)"
                        : "the server's certificate does not match host '" + name + "'; connect with a name or"
                                + " address that it lists";
            }
            if (message.contains("PKIX path building failed")) {
                return UNTRUSTED;
            }
            if (REFUSED_BY_SERVER.matcher(message).find()) {
                return CLIENT_REFUSED;
            }
            if (message.contains("Remote host terminated the handshake")) {
                return CLOSED_DURING_HANDSHAKE; // a closed or reset connection, without the alert saying why
            }
            if (message.contains("nrecognized SSL message")) { // "Unsupported or unrecognized", "Unrecognized"
                return NOT_TLS;
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable e = failure; e != null && !chain.contains(e); e = e.getCause()) {
            chain.add(e);
        }
        return chain;
    }
}
