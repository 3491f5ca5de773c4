package dev.ticdcctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.Fixtures;
import dev.ticdcctl.testing.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that reads a server answer, against every kind of odd 200 answer on each route it reads: one
 * {@code Error:} line that names the route, exit 1, nothing on stdout, no stack trace. Routes whose answer only
 * confirms (pause, delete, log, ...) accept any JSON or nothing, but not a page that is not JSON.
 */
class OddAnswersTest {
    private static final String OWNER = "d2912e63-3349-447c-90ba-72a4e04b5e9e";
    private static final String OTHER = "5b1a7e8c-0f7e-4d25-9b1e-3e1b0a4b2c7d";
    private static final String CF = "/api/v2/changefeeds/cf-1";

    /** The kinds of odd body; the route-specific ones have no body where the route has nothing to get wrong. */
    enum Odd { EMPTY, NULL, NOT_JSON, WRONG_TOP_LEVEL, NUMBER, STRING, MISSING_FIELD, WRONG_TYPE, NOT_UTF8 }

    /**
     * A route: its good answer, the other top-level kind, an answer without a field the commands read and one with a
     * value of the wrong type (null where the commands read none), and whether its answer only confirms.
     */
    record Route(String method, String path, String good, String otherTop, String missing, String wrongType,
            boolean confirms) {
        static Route object(String method, String path, String good, String missing, String wrongType) {
            return new Route(method, path, good, "[]", missing, wrongType, false);
        }

        static Route confirming(String method, String path) {
            return new Route(method, path, "{}", "[]", null, null, true);
        }

        String name() {
            return method + " " + path;
        }

        /** The body of each kind, or null when the route has nothing of that kind to get wrong. */
        byte[] body(Odd odd) {
            String text = switch (odd) {
                case EMPTY -> "";
                case NULL -> "null";
                case NOT_JSON -> "<html><body>Please log in</body></html>";
                case WRONG_TOP_LEVEL -> otherTop;
                case NUMBER -> "42";
                case STRING -> "\"ok\"";
                case MISSING_FIELD -> missing;
                case WRONG_TYPE -> wrongType;
                case NOT_UTF8 -> null;
            };
            if (odd == Odd.NOT_UTF8) {
                // A field name that is not UTF-8, placed first so that every reader meets it.
                int at = good.indexOf('{') + 1;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.writeBytes(good.substring(0, at).getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes(new byte[] {'"', 'x', (byte) 0xff, (byte) 0xfe, '"', ':', '1'});
                bytes.writeBytes(((good.charAt(at) == '}' ? "" : ",") + good.substring(at))
                        .getBytes(StandardCharsets.UTF_8));
                return bytes.toByteArray();
            }
            return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final String PROCESSORS_LIST = "{\"total\":1,\"items\":[{\"namespace\":\"default\","
            + "\"changefeed_id\":\"cf-1\",\"capture_id\":\"" + OTHER + "\"}]}";
    private static final String CAPTURES_AFTER_RESIGN = Fixtures.captures().replace("\"is_owner\":true", "\"x\":1")
            .replace("\"is_owner\":false", "\"is_owner\":true");

    static final Route STATUS = Route.object("GET", "/api/v2/status", Fixtures.status(),
            "{\"version\":\"v8.5.0\"}", "{\"id\":\"x\",\"version\":\"v8.5.0\",\"pid\":\"x\"}");
    static final Route HEALTH = Route.object("GET", "/api/v2/health", "{}", null, null);
    static final Route CHANGEFEED = Route.object("GET", CF, Fixtures.changefeed("cf-1", "normal"),
            "{\"state\":\"normal\"}", "{\"id\":\"cf-1\",\"state\":\"normal\",\"checkpoint_ts\":\"x\"}");
    static final Route CHANGEFEEDS = Route.object("GET", "/api/v2/changefeeds", Fixtures.changefeedList(),
            "{\"total\":1,\"items\":[{\"state\":\"normal\"}]}", "{\"total\":1,\"items\":{}}");
    static final Route CHANGEFEED_STATUS = Route.object("GET", CF + "/status",
            "{\"state\":\"normal\",\"resolved_ts\":450835120160243717,\"checkpoint_ts\":450835120160243717}",
            null, "{\"state\":\"normal\",\"checkpoint_ts\":\"x\"}");
    static final Route SYNCED = Route.object("GET", CF + "/synced", "{\"synced\":true,\"sink_checkpoint_ts\":"
            + "\"2024-07-01 10:05:00.123\",\"info\":\"Data syncing is finished\"}", "{\"info\":\"x\"}",
            "{\"synced\":\"x\"}");
    static final Route CREATE = Route.object("POST", "/api/v2/changefeeds", Fixtures.changefeed("cf-1", "normal"),
            "{\"state\":\"normal\"}", "{\"id\":\"cf-1\",\"checkpoint_ts\":\"x\"}");
    /** Update and apply print the changefeed they get back only with -o json or yaml: they read no field of it. */
    static final Route UPDATE = Route.object("PUT", CF, Fixtures.changefeed("cf-1", "stopped"), null, null);
    static final Route VERIFY = Route.object("POST", "/api/v2/verify_table", "{}", null, null);
    static final Route TSO = Route.object("POST", "/api/v2/tso", Fixtures.TSO, "{\"logic_time\":5}",
            "{\"timestamp\":\"x\",\"logic_time\":5}");
    static final Route PAUSE = Route.confirming("POST", CF + "/pause");
    static final Route RESUME = Route.confirming("POST", CF + "/resume");
    static final Route DELETE = Route.confirming("DELETE", CF);
    static final Route CAPTURES = Route.object("GET", "/api/v2/captures", Fixtures.captures(),
            "{\"total\":1,\"items\":[{\"is_owner\":true}]}", "{\"total\":1,\"items\":[{\"id\":\"c\",\"is_owner\":\"x\"}]}");
    static final Route DRAIN = Route.object("POST", "/api/v2/captures/" + OTHER + "/drain",
            "{\"current_table_count\":0}", "{}", "{\"current_table_count\":\"x\"}");
    static final Route PROCESSORS = Route.object("GET", "/api/v2/processors", PROCESSORS_LIST,
            "{\"total\":1,\"items\":[{\"namespace\":\"default\"}]}",
            "{\"total\":1,\"items\":[{\"changefeed_id\":{\"a\":1},\"capture_id\":\"c\"}]}");
    static final Route PROCESSOR = Route.object("GET", "/api/v2/processors/cf-1/" + OTHER,
            "{\"table_ids\":[80,81]}", null, "{\"table_ids\":\"x\"}");
    static final Route RESIGN = Route.confirming("POST", "/api/v2/owner/resign");
    static final Route LOG = Route.confirming("POST", "/api/v2/log");
    static final Route METADATA = new Route("GET", "/api/v2/unsafe/metadata",
            "[{\"key\":\"/tidb/cdc/default/__cdc_meta__/meta/meta-version\",\"value\":\"1\"}]", "{}",
            "[{\"value\":\"1\"}]", "[{\"key\":{\"a\":1}}]", false);
    static final Route RESOLVE_LOCK = Route.confirming("POST", "/api/v2/unsafe/resolve_lock");
    static final Route GC_SAFEPOINT = Route.confirming("DELETE", "/api/v2/unsafe/service_gc_safepoint");

    /**
     * A command and the routes it reads, each with its good answers in the order the command meets them (the last
     * one repeating), for the routes where the order matters.
     */
    record Command(String name, List<Route> reads, Map<Route, List<String>> sequences, String... args) {
        Command(String name, List<Route> reads, String... args) {
            this(name, reads, Map.of(), args);
        }
    }

    private static final List<Command> COMMANDS = List.of(
            new Command("changefeed list", List.of(CHANGEFEEDS), "changefeed", "list"),
            new Command("changefeed get", List.of(CHANGEFEED), "changefeed", "get", "cf-1"),
            new Command("changefeed status", List.of(CHANGEFEED_STATUS), "changefeed", "status", "cf-1"),
            new Command("changefeed synced", List.of(SYNCED), "changefeed", "synced", "cf-1"),
            new Command("changefeed create", List.of(VERIFY, CREATE, CHANGEFEED), "changefeed", "create", "cf-1",
                    "--sink-uri", "blackhole://", "--start-ts", "450835100000000000"),
            new Command("changefeed create from now", List.of(TSO), "changefeed", "create", "cf-1",
                    "--sink-uri", "blackhole://"),
            new Command("changefeed update", List.of(CHANGEFEED, UPDATE),
                    Map.of(CHANGEFEED, List.of(Fixtures.changefeed("cf-1", "stopped"))),
                    "changefeed", "update", "cf-1", "--sink-uri", "blackhole://x", "--yes"),
            new Command("changefeed pause", List.of(CHANGEFEED, PAUSE),
                    Map.of(CHANGEFEED, List.of(Fixtures.changefeed("cf-1", "normal"),
                            Fixtures.changefeed("cf-1", "stopped"))), "changefeed", "pause", "cf-1"),
            new Command("changefeed resume", List.of(CHANGEFEED, RESUME),
                    Map.of(CHANGEFEED, List.of(Fixtures.changefeed("cf-1", "stopped"),
                            Fixtures.changefeed("cf-1", "normal"))), "changefeed", "resume", "cf-1"),
            new Command("changefeed delete", List.of(CHANGEFEED, DELETE), "changefeed", "delete", "cf-1", "--yes"),
            new Command("changefeed export", List.of(CHANGEFEED), "changefeed", "export", "cf-1"),
            new Command("changefeed apply", List.of(CHANGEFEED, UPDATE),
                    Map.of(CHANGEFEED, List.of(Fixtures.changefeed("cf-1", "stopped"))),
                    "changefeed", "apply", "-f", "SPEC", "--yes"),
            new Command("changefeed wait", List.of(CHANGEFEED), "changefeed", "wait", "cf-1", "--for", "state=normal"),
            new Command("changefeed wait synced", List.of(SYNCED), "changefeed", "wait", "cf-1", "--for", "synced"),
            new Command("capture list", List.of(CAPTURES), "capture", "list"),
            new Command("capture drain", List.of(DRAIN), "capture", "drain", OTHER, "--yes"),
            new Command("processor list", List.of(PROCESSORS), "processor", "list"),
            new Command("processor get", List.of(PROCESSOR), "processor", "get", "cf-1", OTHER),
            new Command("owner resign", List.of(RESIGN), "owner", "resign", "--yes"),
            new Command("owner resign --wait", List.of(CAPTURES, RESIGN),
                    Map.of(CAPTURES, List.of(Fixtures.captures(), CAPTURES_AFTER_RESIGN)),
                    "owner", "resign", "--yes", "--wait"),
            new Command("log set", List.of(LOG), "log", "set", "info"),
            new Command("status", List.of(STATUS), "status"),
            new Command("health", List.of(HEALTH), "health"),
            new Command("tso query", List.of(TSO), "tso", "query"),
            new Command("unsafe metadata", List.of(METADATA), "unsafe", "metadata", "--yes"),
            new Command("unsafe resolve-lock", List.of(RESOLVE_LOCK), "unsafe", "resolve-lock", "--region", "1024",
                    "--ts", "450835100000000000", "--yes"),
            new Command("unsafe delete-service-gc-safepoint", List.of(GC_SAFEPOINT),
                    "unsafe", "delete-service-gc-safepoint", "--yes"));

    @TempDir
    Path dir;

    static Stream<Arguments> commandsRoutesAndOddBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (Command command : COMMANDS) {
            for (Route route : command.reads()) {
                for (Odd odd : Odd.values()) {
                    if (route.body(odd) != null) {
                        cases.add(Arguments.of(command.name(), route.name(), odd, command, route));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} answers {2}")
    @MethodSource("commandsRoutesAndOddBodies")
    void an_odd_answer_fails_with_one_error_naming_the_route(String name, String routeName, Odd odd, Command command,
            Route route) throws IOException {
        try (StubServer server = new StubServer()) {
            serve(server, command, route, odd);

            Cli.Result r = Cli.against(server).run(args(command));

            assertNoStackTrace(r);
            boolean accepted = route.confirms() && odd != Odd.NOT_JSON && odd != Odd.NOT_UTF8;
            if (accepted) {
                assertEquals(0, r.exitCode(), r::toString);
                assertFalse(r.err().contains("Error:"), r::toString);
                return;
            }
            assertEquals(1, r.exitCode(), r::toString);
            assertEquals("", r.out(), r::toString);
            List<String> errors = r.err().lines().filter(l -> l.startsWith("Error:")).toList();
            assertEquals(1, errors.size(), r::toString);
            assertTrue(errors.get(0).contains("the answer to " + route.method() + " " + route.path() + " "),
                    r::toString);
            List<String> hints = r.err().lines().filter(l -> l.startsWith("Hint:")).toList();
            boolean changes = !route.method().equals("GET") && route != TSO && route != VERIFY;
            assertEquals(changes ? List.of("Hint: the server may have carried out the request: check before trying"
                    + " it again") : List.of(), hints, r::toString);
        }
    }

    static Stream<Arguments> outputFormatsAndOddBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (String format : List.of("-o json", "-o yaml", "--jq .")) {
            for (Odd odd : List.of(Odd.EMPTY, Odd.NULL, Odd.NOT_JSON, Odd.WRONG_TOP_LEVEL, Odd.NUMBER, Odd.STRING,
                    Odd.NOT_UTF8)) {
                for (Command command : List.of(COMMANDS.get(0), COMMANDS.get(1), COMMANDS.get(14))) {
                    cases.add(Arguments.of(command.name(), format, odd, command));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("outputFormatsAndOddBodies")
    void machine_output_of_an_odd_answer_prints_nothing_but_the_error(String name, String format, Odd odd,
            Command command) throws IOException {
        try (StubServer server = new StubServer()) {
            Route route = command.reads().get(0);
            serve(server, command, route, odd);

            Cli.Result r = Cli.against(server).run(concat(args(command), format.split(" ")));

            assertNoStackTrace(r);
            assertEquals(1, r.exitCode(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
            assertTrue(r.err().startsWith("Error: the answer to " + route.method() + " " + route.path() + " "),
                    r::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Odd.class)
    void version_reports_an_odd_server_answer_as_a_warning(Odd odd) throws IOException {
        try (StubServer server = new StubServer()) {
            serve(server, new Command("version", List.of(STATUS), "version"), STATUS, odd);

            Cli.Result r = Cli.against(server).run("version");

            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.err().startsWith("Warning: the answer to GET /api/v2/status "), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
            assertTrue(r.out().startsWith("CLIENT"), r::toString);
        }
    }

    /** {@code api} prints any answer as received; only machine output needs it to be JSON. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Odd.class)
    void api_prints_an_odd_answer_as_received(Odd odd) throws IOException {
        try (StubServer server = new StubServer()) {
            byte[] body = CHANGEFEED.body(odd);
            server.on("GET", CF, StubServer.Response.raw(body));

            Cli.Result plain = Cli.against(server).run("api", "changefeeds/cf-1");
            Cli.Result json = Cli.against(server).run("api", "changefeeds/cf-1", "-o", "json");

            assertEquals(0, plain.exitCode(), plain::toString);
            assertEquals("", plain.err(), plain::toString);
            boolean isJson = odd != Odd.NOT_JSON && odd != Odd.NOT_UTF8;
            if (isJson || odd == Odd.EMPTY) {
                assertEquals(0, json.exitCode(), json::toString);
            } else {
                assertEquals(1, json.exitCode(), json::toString);
                assertEquals("", json.out(), json::toString);
                assertEquals("Error: --jq, -o json and -o yaml need a JSON answer, but the answer to"
                        + " GET /api/v2/changefeeds/cf-1 is not JSON\n", json.err());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncatedLists")
    void json_output_of_a_list_broken_part_way_prints_nothing_but_the_error(String name, String body)
            throws IOException {
        try (StubServer server = new StubServer()) {
            server.on("GET", "/api/v2/changefeeds", 200, body);

            Cli.Result r = Cli.against(server).run("changefeed", "list", "-o", "json");

            assertEquals(1, r.exitCode(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertTrue(r.err().startsWith("Error: the answer to GET /api/v2/changefeeds is "), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
        }
    }

    static Stream<Arguments> truncatedLists() {
        String list = Fixtures.changefeedList();
        return Stream.of(
                Arguments.of("cut in the middle", list.substring(0, list.length() / 2)),
                Arguments.of("garbage after the document", list + "<html>"),
                Arguments.of("a second document after the first", list + list),
                Arguments.of("a string cut short", list.substring(0, list.indexOf("cf-mysql") + 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldsANewerServerAdds")
    void machine_output_keeps_what_the_commands_do_not_read(String name, String body) throws IOException {
        try (StubServer server = new StubServer()) {
            server.on("GET", CF, 200, body);

            Cli.Result r = Cli.against(server).run("changefeed", "get", "cf-1", "-o", "json");

            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.out().contains("\"future\""), r::toString);
        }
    }

    static Stream<Arguments> fieldsANewerServerAdds() {
        return Stream.of(Arguments.of("a new field", "{\"id\":\"cf-1\",\"future\":{\"a\":[1]}}"),
                Arguments.of("a changefeed without fields it may omit", "{\"future\":1}"));
    }

    private void serve(StubServer server, Command command, Route odd, Odd kind) {
        Map<String, Route> all = new HashMap<>();
        for (Route route : List.of(STATUS, HEALTH, CHANGEFEED, CHANGEFEEDS, CHANGEFEED_STATUS, SYNCED, CREATE, UPDATE,
                VERIFY, TSO, PAUSE, RESUME, DELETE, CAPTURES, DRAIN, PROCESSORS, PROCESSOR, RESIGN, LOG, METADATA,
                RESOLVE_LOCK, GC_SAFEPOINT)) {
            all.put(route.name(), route);
        }
        for (Route route : all.values()) {
            if (route.name().equals(odd.name())) {
                server.on(route.method(), route.path(), StubServer.Response.raw(odd.body(kind)));
            } else {
                for (String body : command.sequences().getOrDefault(route, List.of(route.good()))) {
                    server.on(route.method(), route.path(), 200, body);
                }
            }
        }
    }

    private String[] args(Command command) throws IOException {
        String[] args = command.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("SPEC")) {
                args[i] = Files.writeString(dir.resolve("cf-1.json"),
                        "{\"id\":\"cf-1\",\"sink_uri\":\"blackhole://y\"}").toString();
            }
        }
        return args;
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static void assertNoStackTrace(Cli.Result r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("unexpected"),
                r::toString);
    }
}
