package dev.ticdcctl.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** JSON and times written the way TiCDC's Go code writes them. */
final class GoJson {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter RFC3339_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private GoJson() {}

    /** Go's encoding/json escapes {@code <}, {@code >} and {@code &} as unicode escapes (HTML-safe output). */
    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        HtmlSafe() {
            escapes['<'] = ESCAPE_CUSTOM;
            escapes['>'] = ESCAPE_CUSTOM;
            escapes['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }

    private static final ObjectWriter COMPACT = MAPPER.writer().with(new HtmlSafe());
    private static final ObjectWriter INDENTED = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n")))
            .with(new HtmlSafe());

    static byte[] write(JsonNode node, boolean indented) {
        try {
            return (indented ? INDENTED : COMPACT).writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A string as Go's json.Marshal writes it, for values TiCDC stores as JSON inside JSON. */
    static String compact(JsonNode node) {
        return new String(write(node, false), StandardCharsets.UTF_8);
    }

    /** {@code checkpoint_time}: millisecond local time without a zone, as the server formats it. */
    static String serverTime(long epochMillis, ZoneId zone) {
        return SERVER_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /** A string as Go's {@code strconv.Quote} writes a plain one (the messages of strconv errors). */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Go's zero {@code time.Time} in RFC 3339, as the new server's changefeed detail shows an error's time. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    /**
     * Go's RFC3339Nano of a time {@code nanos} (0 to 999,999) past {@code epochMillis}: trailing zeros of the
     * fraction dropped, {@code Z} for UTC.
     */
    static String rfc3339Nano(long epochMillis, int nanos, ZoneId zone) {
        ZonedDateTime t = Instant.ofEpochMilli(epochMillis).plusNanos(nanos).atZone(zone);
        String fraction = t.getNano() == 0 ? "" : ("." + String.format("%09d", t.getNano())).replaceAll("0+$", "");
        String offset = t.getOffset().getTotalSeconds() == 0 ? "Z" : t.getOffset().getId();
        return RFC3339_SECONDS.format(t) + fraction + offset;
    }

    static {
        MAPPER.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
}
