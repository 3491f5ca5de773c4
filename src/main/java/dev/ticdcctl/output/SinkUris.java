package dev.ticdcctl.output;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks the secrets of sink URIs (the password of the user info, and secret-like query parameters). */
public final class SinkUris {
    public static final String MASK = "xxxxx";
    private static final Pattern USER_PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:?#]*):([^/@?#]+)@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "([?&](?:[^=&#]*(?:password|secret|token|credential)[^=&#]*|access-key|access_key|account-key)=)([^&#]*)",
            Pattern.CASE_INSENSITIVE);

    private SinkUris() {}

    public static String mask(String uri) {
        if (uri == null) {
            return null;
        }
        String masked = USER_PASSWORD.matcher(uri).replaceFirst("$1:" + MASK + "@");
        Matcher m = SECRET_PARAM.matcher(masked);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + (r.group(2).isEmpty() ? "" : MASK)));
    }

    /** True when the URI carries a secret that {@link #mask} would hide. */
    public static boolean hasSecret(String uri) {
        return uri != null && !mask(uri).equals(uri);
    }
}
