package dev.ticdcctl.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticdcctl.util.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * References in a spec's string values, resolved before anything is sent, so that a spec in Git holds no secret:
 * {@code ${env:NAME}} is an environment variable, {@code ${file:PATH}} a file's content without its trailing line
 * end (a relative PATH is read from the spec file's directory). A reference may be the whole value or a part of it
 * ({@code kafka://u:${env:KAFKA_PW}@host/topic}); <code>$${</code> is a literal <code>${</code>. Every resolved value
 * is handed to a consumer, which masks it in all that is printed.
 */
public final class SpecReferences {
    private static final String ESCAPED = "$${";
    private static final String OPEN = "${";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> variables;
    private final Consumer<String> resolved;

    /** {@code resolved} receives every value a reference stood for, before it is used. */
    public SpecReferences(Map<String, String> variables, Consumer<String> resolved) {
        this.variables = variables;
        this.resolved = resolved;
    }

    /** References from the process's environment, their values masked nowhere: for callers that print nothing. */
    public static SpecReferences ofProcess() {
        return new SpecReferences(System.getenv(), value -> { });
    }

    /** The reference to an environment variable, as a spec writes it. */
    public static String env(String name) {
        return OPEN + "env:" + name + "}";
    }

    /** A literal string as a spec writes it: every <code>${</code> escaped, so that it is not read as a reference. */
    public static String escape(String literal) {
        return literal == null ? null : literal.replace(OPEN, ESCAPED);
    }

    /**
     * Resolves, in place, every string of a parsed spec (object members and array elements, at any depth); {@code text}
     * is the file's content, for the line a problem is on. Throws a {@link ConfigException} naming the reference, the
     * file and the line.
     */
    public void resolveTree(JsonNode tree, String text, String file) {
        JsonTrees.rewriteStrings(tree, (path, name, value) -> resolve(value, text, file));
    }

    /** One string value with its references replaced and its <code>$${</code> unescaped. */
    public String resolve(String value, String text, String file) {
        if (!value.contains(OPEN)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith(ESCAPED, i)) {
                out.append(OPEN);
                i += ESCAPED.length();
            } else if (value.startsWith(OPEN, i)) {
                int end = value.indexOf('}', i);
                String reference = end < 0 ? value.substring(i) : value.substring(i, end + 1);
                out.append(valueOf(reference, text, file));
                i += reference.length();
            } else {
                out.append(value.charAt(i++));
            }
        }
        return out.toString();
    }

    private String valueOf(String reference, String text, String file) {
        String body = reference.endsWith("}") ? reference.substring(2, reference.length() - 1) : "";
        String value;
        if (body.startsWith("env:") && ENV_NAME.matcher(body.substring(4)).matches()) {
            value = variables.get(body.substring(4));
            if (value == null) {
                throw problem(reference, text, file, "the environment variable " + body.substring(4) + " is not set");
            }
        } else if (body.startsWith("file:") && body.length() > 5) {
            value = read(body.substring(5), reference, text, file);
        } else {
            throw problem(reference, text, file, "not a reference: write ${env:NAME} or ${file:PATH}, or $${ for a"
                    + " literal ${");
        }
        resolved.accept(value);
        return value;
    }

    private String read(String name, String reference, String text, String file) {
        Path path = Path.of(name);
        if (!path.isAbsolute()) {
            Path spec = Path.of(file).toAbsolutePath().getParent();
            path = (isFile(file) && spec != null ? spec : Path.of("").toAbsolutePath()).resolve(path);
        }
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (IOException | RuntimeException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            throw problem(reference, text, file, "cannot read " + path + " (" + why + ")");
        }
    }

    /** Stdin ({@code <stdin>}) has no directory: its relative paths start at the working directory. */
    private static boolean isFile(String file) {
        return !file.startsWith("<");
    }

    private static ConfigException problem(String reference, String text, String file, String why) {
        return new ConfigException(file + line(reference, text) + ": unresolved reference " + reference + ": " + why);
    }

    /** {@code :line} of the first place the reference is written unescaped, or "" when it is not written as such. */
    static String line(String reference, String text) {
        for (int at = text.indexOf(reference); at >= 0; at = text.indexOf(reference, at + 1)) {
            if (at == 0 || text.charAt(at - 1) != '$') {
                int line = 1;
                for (int k = 0; k < at; k++) {
                    line += text.charAt(k) == '\n' ? 1 : 0;
                }
                return ":" + line;
            }
        }
        return "";
    }
}
