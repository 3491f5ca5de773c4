package dev.ticdcctl.client;

import java.nio.charset.StandardCharsets;

/** A short, single-line, tag-free excerpt of a response body for error messages. */
final class Excerpt {
    private static final int MAX = 120;

    private Excerpt() {}

    static String of(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8)
                .replaceAll("(?s)<(script|style).*?</\\1>", " ")
                .replaceAll("<[^>]*>", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return text.length() <= MAX ? quote(text) : quote(text.substring(0, MAX) + "…");
    }

    private static String quote(String text) {
        return text.isEmpty() ? "" : "\"" + text + "\"";
    }
}
