package dev.ticdcctl.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a parser (JSON, YAML, TOML) says is wrong with a file, told without the values it quotes: a spec, a config
 * or a request body may hold passwords, and Jackson's messages quote the offending text ("Unrecognized token
 * 'hunter2'", "from String \"s3cr3t\"").
 */
public final class ParseErrors {
    /** A character Jackson names, as {@code ('}' (code 125))}: kept when it is punctuation, which tells no secret. */
    private static final Pattern CHARACTER = Pattern.compile("\\s*\\(?'(.)' \\(code \\d+\\)\\)?");
    private static final Pattern QUOTED = Pattern.compile("\\s*(\"|').*\\1");
    private static final char KEPT = '\u0001';

    private ParseErrors() {}

    /** {@code :line:column} of the problem, or "" when the parser does not know it. */
    public static String position(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        return where == null || where.getLineNr() < 1 ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr();
    }

    /** The first line of the parser's message without quoted values, after the last key it read, when known. */
    public static String problem(JsonProcessingException e) {
        String key = key(e);
        return (key == null ? "" : "near '" + key + "': ") + withoutValues(e.getOriginalMessage());
    }

    static String withoutValues(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            return "cannot be parsed";
        }
        first = first.replace("'null', 'true' or 'false'", "null, true or false");
        Matcher named = CHARACTER.matcher(first);
        first = named.replaceAll(m -> isPunctuation(m.group(1).charAt(0))
                ? Matcher.quoteReplacement(" " + KEPT + m.group(1) + KEPT) : "");
        first = QUOTED.matcher(first).replaceAll("").replaceAll("\\s*\\(code \\d+\\)", "");
        return first.replace(KEPT, '\'');
    }

    private static boolean isPunctuation(char c) {
        return "{}[]:,=.#".indexOf(c) >= 0;
    }

    /** The name of the field being read when the parser failed, from its context; null when unknown. */
    private static String key(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        for (JsonStreamContext context = parser.getParsingContext(); context != null; context = context.getParent()) {
            if (context.getCurrentName() != null) {
                return context.getCurrentName();
            }
        }
        return null;
    }
}
