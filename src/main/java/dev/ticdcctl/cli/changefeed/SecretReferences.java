package dev.ticdcctl.cli.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.config.SpecReferences;
import dev.ticdcctl.output.Secrets;
import dev.ticdcctl.util.JsonTrees;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an export writes where a secret was: a reference {@code ${env:NAME}} that {@code changefeed apply} resolves,
 * with a name told by the changefeed and the field: {@code TICDC_<ID>_<FIELD>}, upper-cased, each run of other
 * characters than letters and digits made {@code _}. The sink URI's password is {@code SINK_PASSWORD}, a secret
 * query parameter {@code SINK_<PARAMETER>}, a config field its path ({@code SINK_KAFKA_CONFIG_SASL_PASSWORD}); a
 * name already taken in the same export gets {@code _2}, {@code _3}, ... Every other <code>${</code> is escaped, so the
 * file reads back as the server holds it.
 */
final class SecretReferences {
    /** One reference written: which variable holds which changefeed's field. */
    record Reference(String name, String changefeed, String field) {}

    private static final Pattern URI_PASSWORD = Pattern.compile(":" + Secrets.MASK + "@");
    private static final Pattern URI_PARAMETER =
            Pattern.compile("([?&;])([^=&?#;]+)=" + Secrets.MASK + "(?=[&#;]|$)");

    private final Set<String> taken = new HashSet<>();
    private final List<Reference> written = new ArrayList<>();

    /** The sink URI, escaped, with its secrets (masked or not) as references. */
    String sinkUri(String id, String uri) {
        return uri == null ? null : referenced(id, "sink-uri", "sink", SpecReferences.escape(uri));
    }

    /** The sink URI escaped, its secrets kept, but for masks (a server that never returns them) made references. */
    String clearSinkUri(String id, String uri) {
        if (uri == null) {
            return null;
        }
        String escaped = SpecReferences.escape(uri);
        return Secrets.holdsMask(escaped) ? referenced(id, "sink-uri", "sink", escaped) : escaped;
    }

    /** In place: every string of the config escaped and, unless {@code clear}, every secret made a reference. */
    void config(String id, JsonNode config, boolean clear) {
        JsonTrees.rewriteStrings(config, (path, name, value) -> field(id, name, path, value, clear));
    }

    /** Tells, on stderr, which variables the references need; nothing when none was written. */
    void list(PrintWriter err) {
        if (written.isEmpty()) {
            return;
        }
        err.println("Secrets were written as references; set these environment variables before 'changefeed apply':");
        int width = written.stream().mapToInt(r -> r.name().length()).max().orElse(0);
        for (Reference r : written) {
            err.println("  " + r.name() + " ".repeat(width - r.name().length() + 2) + r.changefeed() + " " + r.field());
        }
        err.flush();
    }

    private String field(String id, String key, String path, String value, boolean clear) {
        String escaped = SpecReferences.escape(value);
        if (clear || value.isEmpty()) {
            return escaped;
        }
        if (key != null && Secrets.isSecretName(key)) {
            return reference(id, "config." + path, path);
        }
        return referenced(id, "config." + path, path, escaped);
    }

    /** A text with each secret that {@link Secrets#maskText} masks as a reference; whole, if a secret lies elsewhere. */
    private String referenced(String id, String field, String namePath, String text) {
        String masked = Secrets.maskText(text);
        if (masked.equals(text) && !Secrets.holdsMask(text)) {
            return text;
        }
        String withPassword = replace(URI_PASSWORD, masked,
                m -> ":" + reference(id, field + " password", namePath + "_password") + "@");
        String withParameters = replace(URI_PARAMETER, withPassword, m -> m.group(1) + m.group(2) + "="
                + reference(id, field + " " + m.group(2), namePath + "_" + m.group(2)));
        return Secrets.holdsMask(withParameters) || withParameters.contains(Secrets.MASK)
                ? reference(id, field, namePath) : withParameters;
    }

    private interface Replacement {
        String of(Matcher m);
    }

    private static String replace(Pattern pattern, String text, Replacement replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.of(m)));
        }
        return m.appendTail(out).toString();
    }

    private String reference(String id, String field, String namePath) {
        String base = name("TICDC_" + id + "_" + namePath);
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "_" + n;
        }
        written.add(new Reference(name, id, field));
        return SpecReferences.env(name);
    }

    /** Upper case; every run of characters other than letters and digits one {@code _}. */
    static String name(String text) {
        return text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
