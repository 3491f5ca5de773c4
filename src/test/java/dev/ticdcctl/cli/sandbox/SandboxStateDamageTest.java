package dev.ticdcctl.cli.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticdcctl.testing.Cli;
import dev.ticdcctl.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A state directory the sandbox cannot use: a state file that parses as JSON but does not describe a cluster, and a
 * "directory" that is a file. Both the foreground {@code sandbox --state-dir} and the embedded {@code --sandbox}
 * answer with one {@code Error:} line naming the path and what is wrong, never a stack trace, and leave the file as
 * it was.
 */
class SandboxStateDamageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A sandbox that starts does not return until stopped: a run past this bound means the damage went unseen. */
    private static final Duration START_BOUND = Duration.ofSeconds(30);

    /** The state a real run left behind: a changefeed "demo", paused. Made once; each test damages a copy. */
    private static String realState;

    @TempDir
    Path stateDir;

    private final TestClock clock = new TestClock(Cli.NOW, ZoneOffset.UTC);

    private Cli embedded() {
        return new Cli().clock(clock).env("TICDCCTL_SANDBOX_DIR", stateDir.toString()).args("--sandbox");
    }

    /** One of each kind of damage, applied to the state a real run left behind (a changefeed "demo", paused). */
    static Stream<Arguments> damages() {
        return Stream.of(
                damage("no captures", root -> root.putArray("captures"), "it lists no captures"),
                damage("captures null", root -> root.putNull("captures"), "it lists no captures"),
                damage("a capture without an ID", root -> ((ArrayNode) root.get("captures")).addNull(),
                        "capture 4 has no ID"),
                damage("an owner that is no capture", root -> root.put("owner", "ghost"),
                        "its owner \"ghost\" is not one of its captures"),
                damage("a tick of zero", root -> root.put("tickMillis", 0), "tickMillis must be positive"),
                damage("changefeeds null", root -> root.putNull("changefeeds"), "it has no changefeeds"),
                damage("a changefeed without fields", root -> changefeeds(root).putObject("default/demo"),
                        "changefeed \"default/demo\" has no namespace"),
                damage("a changefeed that is null", root -> changefeeds(root).putNull("default/demo"),
                        "changefeed \"default/demo\" is empty"),
                damage("a changefeed without a sink URI", root -> demo(root).remove("sinkUri"),
                        "changefeed \"default/demo\" has no sinkUri"),
                damage("a changefeed under another key", root -> demo(root).put("id", "other"),
                        "changefeed \"default/demo\" holds \"default/other\""),
                damage("a config that is not an object", root -> demo(root).put("config", 5),
                        "changefeed \"default/demo\" has no config object"),
                damage("a sink config that is not an object", root -> ((ObjectNode) demo(root).get("config"))
                        .put("sink", "x"), "changefeed \"default/demo\" has a config whose sink is not an object"),
                damage("events null", root -> demo(root).putNull("events"),
                        "changefeed \"default/demo\" has no events"),
                damage("an event that is null", root -> demo(root).putArray("events").addNull(),
                        "event 1 of changefeed \"default/demo\" is empty"),
                damage("an event of an unknown kind", root -> demo(root).putArray("events").addObject()
                        .put("kind", "explode").put("at", 1), "event 1 of changefeed \"default/demo\" has the"
                        + " unknown kind \"explode\""),
                damage("a fault to an unknown state", root -> demo(root).putArray("events").addObject()
                        .put("kind", "fault").put("at", 1).put("state", "exploded").put("code", "c")
                        .put("message", "m"), "event 1 of changefeed \"default/demo\" has the unknown"
                        + " state \"exploded\""),
                damage("an event without a kind", root -> demo(root).putArray("events").addObject().put("at", 1),
                        "event 1 of changefeed \"default/demo\" has no kind"),
                damage("a fault without a state", root -> demo(root).putArray("events").addObject()
                        .put("kind", "fault").put("at", 1), "event 1 of changefeed \"default/demo\" has no state"),
                damage("a changefeed in an unknown state", root -> demo(root).putObject("settled")
                        .put("state", "exploded"), "changefeed \"default/demo\" has the unknown state"
                        + " \"exploded\""),
                damage("a changefeed settled in no state", root -> demo(root).putObject("settled"),
                        "changefeed \"default/demo\" has no state"),
                damage("a drain without a time", root -> root.putObject("drains").putNull("c"),
                        "the drain of capture \"c\" has no time"),
                damage("no log levels", root -> root.putNull("logLevels"), "it has no logLevels"),
                damage("no faults", root -> root.putNull("faults"), "it has no faults"),
                damage("an ineligible table that is null", root -> ((ObjectNode) root.get("faults"))
                        .putArray("ineligibleTables").addNull(), "faults.ineligibleTables holds a null"),
                damage("a number of the wrong type", root -> root.put("tickMillis", "fast"),
                        "Cannot deserialize value of type `long`"),
                damage("a list of the wrong type", root -> demo(root).putObject("events"),
                        "Cannot deserialize value of type `java.util.ArrayList"));
    }

    private static Arguments damage(String name, Consumer<ObjectNode> change, String reason) {
        return Arguments.of(name, change, reason);
    }

    private static ObjectNode changefeeds(ObjectNode root) {
        return (ObjectNode) root.get("changefeeds");
    }

    private static ObjectNode demo(ObjectNode root) {
        return (ObjectNode) changefeeds(root).get("default/demo");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void the_embedded_sandbox_reports_damaged_state_with_its_path(String name, Consumer<ObjectNode> change,
            String reason) throws Exception {
        String damaged = damage(change);

        Cli.Result r = assertTimeoutPreemptively(START_BOUND, () -> embedded().run("changefeed", "get", "demo"));

        assertReportsDamage(r, "Error: cannot start the embedded sandbox: ", reason, damaged);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void the_sandbox_command_reports_damaged_state_with_its_path(String name, Consumer<ObjectNode> change,
            String reason) throws Exception {
        String damaged = damage(change);

        Cli.Result r = assertTimeoutPreemptively(START_BOUND, () -> new Cli().clock(clock)
                .run("sandbox", "--port", "0", "--state-dir", stateDir.toString()));

        assertReportsDamage(r, "Error: ", reason, damaged);
    }

    @Test
    void events_out_of_order_are_applied_in_time_order() throws Exception {
        damage(root -> {
            ArrayNode events = demo(root).putArray("events");
            long created = demo(root).get("createdAt").asLong();
            events.addObject().put("kind", "resume").put("at", created + 20_000);
            events.addObject().put("kind", "pause").put("at", created + 10_000);
        });
        clock.sleep(Duration.ofMinutes(1));

        Cli.Result r = embedded().run("changefeed", "get", "demo", "--jq", ".state");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("normal\n", r.out(), "paused, then resumed");
    }

    @ParameterizedTest(name = "inside the file: {0}")
    @ValueSource(booleans = {false, true})
    void a_state_directory_that_is_a_file_is_a_usage_error_of_the_variable(boolean inside) throws Exception {
        Path file = Files.writeString(stateDir.resolve("not-a-directory"), "x");
        Path directory = inside ? file.resolve("sandbox") : file;

        Cli.Result r = new Cli().env("TICDCCTL_SANDBOX_DIR", directory.toString()).run("--sandbox", "changefeed",
                "list");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: cannot start the embedded sandbox: " + notADirectory(directory, file)
                + "\nHint: TICDCCTL_SANDBOX_DIR chooses another directory\n", r.err());
        assertEquals("x", Files.readString(file));
    }

    @ParameterizedTest(name = "inside the file: {0}")
    @ValueSource(booleans = {false, true})
    void a_state_directory_that_is_a_file_is_a_usage_error_of_the_option(boolean inside) throws Exception {
        Path file = Files.writeString(stateDir.resolve("not-a-directory"), "x");
        Path directory = inside ? file.resolve("sandbox") : file;

        Cli.Result r = assertTimeoutPreemptively(START_BOUND, () -> new Cli()
                .run("sandbox", "--port", "0", "--state-dir", directory.toString()));

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("Error: invalid --state-dir: " + notADirectory(directory, file) + "\n", r.err());
        assertEquals("x", Files.readString(file));
    }

    private static String notADirectory(Path directory, Path file) {
        return "the sandbox state directory " + directory + (directory.equals(file) ? " is not a directory"
                : " cannot be created: " + file + " is not a directory");
    }

    @BeforeAll
    static void runARealSandbox(@TempDir Path dir) throws Exception {
        Cli cli = new Cli().clock(new TestClock(Cli.NOW, ZoneOffset.UTC)).env("TICDCCTL_SANDBOX_DIR", dir.toString())
                .args("--sandbox");
        Cli.Result created = cli.run("changefeed", "create", "demo", "--sink-uri", "blackhole://");
        assertEquals(0, created.exitCode(), created::toString);
        Cli.Result paused = cli.run("changefeed", "pause", "demo");
        assertEquals(0, paused.exitCode(), paused::toString);
        realState = Files.readString(dir.resolve("state.json"));
    }

    /** Leaves the real state in the directory, changed by {@code change}; returns the damaged text. */
    private String damage(Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(realState);
        change.accept(root);
        String damaged = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        Files.writeString(stateDir.resolve("state.json"), damaged);
        return damaged;
    }

    private void assertReportsDamage(Cli.Result r, String prefix, String reason, String damaged) throws Exception {
        Path file = stateDir.resolve("state.json").toAbsolutePath();
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith(prefix + "the sandbox state " + file + " is damaged"), r::toString);
        assertTrue(r.err().contains(reason), () -> "names what is wrong: " + reason + "\n" + r);
        assertTrue(r.err().endsWith("; move it aside to start a new sandbox\n"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertEquals(damaged, Files.readString(file), "never silently repaired or reset");
    }
}
