package dev.ticdcctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The new-architecture sandbox against answers written from pingcap/ticdc's code (test resources under
 * {@code dev/ticdcctl/sandbox/new-arch}, each exchange naming its upstream source): replayed in order over HTTP,
 * compared by status, content type, layout, key order and every literal value.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"new-classic-kernel.json", "new-next-gen.json"})
class NewArchRecordedAnswersTest extends ContractSupport {
    private static final Map<String, Pattern> PLACEHOLDERS = Map.of(
            "${uint64}", Pattern.compile("\\d{1,20}"),
            "${tso}", Pattern.compile("[1-9]\\d{12,19}"),
            "${capture-id}", Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            "${addr}", Pattern.compile("127\\.0\\.0\\.1:\\d+"),
            "${time-rfc3339}", SandboxContractTest.RFC3339,
            "${time-server}", SERVER_TIME,
            "${string}", Pattern.compile(".+"));

    private final JsonNode recording;

    NewArchRecordedAnswersTest(String file) {
        super(o -> o.withDialect(ServerDialect.valueOf(load(file).path("dialect").asText())));
        this.recording = load(file);
    }

    private static JsonNode load(String file) {
        try (InputStream in = NewArchRecordedAnswersTest.class.getResourceAsStream("new-arch/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void answers_as_recorded() {
        int n = 0;
        for (JsonNode x : recording.path("exchanges")) {
            n++;
            String what = "exchange " + n + " (" + x.path("method").asText() + " " + x.path("path").asText() + ", "
                    + x.path("source").asText() + ")";
            Req req = req(x.path("method").asText(), x.path("path").asText()).on(x.path("on").asInt(0));
            if (x.has("body")) {
                req.body(x.path("body").toString());
            }
            Resp r = req.send();
            assertEquals(x.path("status").asInt(), r.status(), () -> what + ": " + r);
            assertEquals(x.path("content_type").asText(JSON_TYPE), r.contentType(), () -> what + ": " + r);
            if (x.has("text")) {
                assertEquals(x.path("text").asText(), r.body(), what);
                continue;
            }
            boolean indented = x.path("indented").asBoolean(false);
            assertEquals(indented, r.body().contains("\n"), () -> what + " layout: " + r.body());
            List<String> differences = new ArrayList<>();
            compare("", x.get("json"), r.json(), differences);
            assertTrue(differences.isEmpty(), () -> what + " differs at " + differences + ": " + r.body());
        }
        assertTrue(n > 5, "the recording has exchanges");
    }

    /** Collects where {@code actual} departs from {@code expected} (key order included). */
    static void compare(String at, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isTextual() && expected.asText().startsWith("${")) {
            String placeholder = expected.asText();
            boolean ok = switch (placeholder) {
                case "${object}" -> actual.isObject();
                case "${array}" -> actual.isArray();
                default -> {
                    Pattern p = PLACEHOLDERS.get(placeholder);
                    if (p == null) {
                        fail("unknown placeholder " + placeholder);
                    }
                    boolean numeric = placeholder.equals("${uint64}") || placeholder.equals("${tso}");
                    yield (numeric ? actual.isIntegralNumber() : actual.isTextual())
                            && p.matcher(actual.asText()).matches();
                }
            };
            if (!ok) {
                differences.add(at + " (" + placeholder + " vs " + actual + ")");
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            List<String> want = new ArrayList<>();
            expected.fieldNames().forEachRemaining(want::add);
            List<String> got = new ArrayList<>();
            actual.fieldNames().forEachRemaining(got::add);
            if (!want.equals(got)) {
                differences.add(at + " keys " + got + " instead of " + want);
                return;
            }
            want.forEach(k -> compare(at + "/" + k, expected.get(k), actual.get(k), differences));
            return;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> a = actual.elements();
            int i = 0;
            for (JsonNode e : expected) {
                compare(at + "/" + i++, e, a.next(), differences);
            }
            return;
        }
        if (!expected.equals(actual)) {
            differences.add(at + " (" + expected + " vs " + actual + ")");
        }
    }
}
